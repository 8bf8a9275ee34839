package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The seats a mobility held are free again, because it was cancelled or rejected. Schema: docs/events/curriculum/. */
@EventType(name = "SeatsReleased", version = 1, aggregate = "seats")
public record SeatsReleased(UUID mobilityId, List<UUID> sessions, String reason, Instant releasedAt) implements SeatEvent {
}
