package org.passerelle.mobility.documents.events;

import org.passerelle.mobility.documents.Document;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A coordinator accepted a document: its line of the checklist is met. Schema: docs/events/mobility/. */
@EventType(name = "DocumentAccepted", version = 1, aggregate = "mobility")
public record DocumentAccepted(UUID documentId, UUID mobilityId, String requirement, int version, LocalDate validUntil,
                               Instant acceptedAt) {

    public static DocumentAccepted of(Document d) {
        return new DocumentAccepted(d.id, d.mobilityId, d.kind, d.version, d.validUntil, d.reviewedAt);
    }
}
