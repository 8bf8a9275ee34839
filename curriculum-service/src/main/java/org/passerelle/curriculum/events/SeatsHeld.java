package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mobility holds a seat in each of these sessions. Key: the mobility id. Schema: docs/events/curriculum/. */
@EventType(name = "SeatsHeld", version = 1, aggregate = "seats")
public record SeatsHeld(UUID mobilityId, List<UUID> sessions, Instant heldAt) implements SeatEvent {
}
