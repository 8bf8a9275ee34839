package org.passerelle.mobility.documents.events;

import org.passerelle.mobility.documents.Document;
import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A document was handed in for a line of a mobility's checklist (no file name: it may name the person). Schema: docs/events/mobility/. */
@EventType(name = "DocumentSubmitted", version = 1, aggregate = "mobility")
public record DocumentSubmitted(UUID documentId, UUID mobilityId, String requirement, int version, String mediaType,
                                long sizeBytes, String sha256, LocalDate validFrom, LocalDate validUntil, Instant submittedAt) {

    public static DocumentSubmitted of(Document d) {
        return new DocumentSubmitted(d.id, d.mobilityId, d.kind, d.version, d.mediaType, d.sizeBytes, d.sha256,
                d.validFrom, d.validUntil, d.uploadedAt);
    }
}
