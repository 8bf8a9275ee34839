package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** An item is no longer offered, nor are its sessions. Schema: docs/events/curriculum/. */
@EventType(name = "CatalogueItemWithdrawn", version = 1, aggregate = "catalogue")
public record CatalogueItemWithdrawn(UUID itemId, Instant withdrawnAt) implements CatalogueEvent {
}
