package org.passerelle.curriculum.events;

import org.passerelle.curriculum.seats.RefusalReason;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Seats a mobility asked for and did not get, with the reason per session. Schema: docs/events/curriculum/. */
@EventType(name = "SeatsRefused", version = 1, aggregate = "seats")
public record SeatsRefused(UUID mobilityId, List<Refusal> refusals, Instant refusedAt) implements SeatEvent {

    public record Refusal(UUID sessionId, RefusalReason reason) {
    }
}
