package org.passerelle.mobility.documents.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An accepted document's validity ended: its line is no longer met. Schema: docs/events/mobility/. */
@EventType(name = "DocumentExpired", version = 1, aggregate = "mobility")
public record DocumentExpired(UUID documentId, UUID mobilityId, String requirement, LocalDate validUntil, Instant expiredAt) {
}
