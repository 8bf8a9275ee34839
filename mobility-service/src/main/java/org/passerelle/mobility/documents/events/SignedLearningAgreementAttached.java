package org.passerelle.mobility.documents.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed copy (a PDF) of a learning agreement version was attached, bound to that version's content hash; no file
 * name (it may name the person). Schema: docs/events/mobility/.
 */
@EventType(name = "SignedLearningAgreementAttached", version = 1, aggregate = "mobility")
public record SignedLearningAgreementAttached(UUID documentId, UUID mobilityId, int learningAgreementVersion, String contentHash,
                                              long sizeBytes, String sha256, Instant attachedAt) {
}
