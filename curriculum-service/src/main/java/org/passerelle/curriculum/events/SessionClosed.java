package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** A session takes no more holds: closed (it may open again) or withdrawn (for good). Schema: docs/events/curriculum/. */
@EventType(name = "SessionClosed", version = 1, aggregate = "catalogue")
public record SessionClosed(UUID sessionId, UUID itemId, boolean withdrawn, Instant closedAt) implements CatalogueEvent {
}
