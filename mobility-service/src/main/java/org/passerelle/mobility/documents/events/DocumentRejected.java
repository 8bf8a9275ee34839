package org.passerelle.mobility.documents.events;

import org.passerelle.mobility.documents.Document;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** A coordinator rejected a document, with the reason: a new one is to be handed in. Schema: docs/events/mobility/. */
@EventType(name = "DocumentRejected", version = 1, aggregate = "mobility")
public record DocumentRejected(UUID documentId, UUID mobilityId, String requirement, int version, String reason,
                               Instant rejectedAt) {

    public static DocumentRejected of(Document d) {
        return new DocumentRejected(d.id, d.mobilityId, d.kind, d.version, d.reason, d.reviewedAt);
    }
}
