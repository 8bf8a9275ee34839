package org.passerelle.curriculum.events;

import org.passerelle.curriculum.Session;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session takes seat holds. Key: the item id, so an item's events stay in order. Schema: docs/events/curriculum/. */
@EventType(name = "SessionOpened", version = 1, aggregate = "catalogue")
public record SessionOpened(UUID sessionId, UUID itemId, String academicYear, LocalDate startDate, LocalDate endDate,
                            int capacity, int freeSeats, Instant openedAt) implements CatalogueEvent {

    public static SessionOpened of(Session s, Instant at) {
        return new SessionOpened(s.id, s.itemId, s.academicYear, s.startDate, s.endDate, s.capacity, s.freeSeats(), at);
    }
}
