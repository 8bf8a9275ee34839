package org.passerelle.mobility.documents.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.mobility.documents.Document;
import org.passerelle.mobility.documents.DocumentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Document", description = "One version of a paper handed in for a line of a mobility's checklist")
public record DocumentView(
        UUID id,
        @Schema(example = "HEALTH_INSURANCE") String requirement,
        @Schema(description = "1 for the first upload for the line, then 2, 3...", example = "2") int version,
        @Schema(description = "Whether it is the latest version, the one that meets the line") boolean current,
        @Schema(example = "attestation-assurance.pdf") String fileName,
        @Schema(description = "Read from the content", example = "application/pdf") String mediaType,
        @Schema(example = "184320") long sizeBytes,
        @Schema(description = "SHA-256 of the content, in hex", example = "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e") String sha256,
        @Schema(nullable = true, example = "2027-06-01") LocalDate validFrom,
        @Schema(nullable = true, example = "2027-12-31") LocalDate validUntil,
        @Schema(example = "SUBMITTED") DocumentStatus status,
        @Schema(nullable = true, description = "Why it was rejected") String reason,
        Instant uploadedAt,
        @Schema(nullable = true) Instant reviewedAt,
        @Schema(nullable = true, description = "For a signed learning agreement (requirement SIGNED_LEARNING_AGREEMENT): the "
                + "content hash of the learning agreement version it signs") String signedContentHash,
        @Schema(description = "The mobility whose checklist it meets") UUID mobilityId) {

    public static DocumentView of(Document d) {
        return new DocumentView(d.id, d.kind, d.version, d.current, d.fileName, d.mediaType, d.sizeBytes, d.sha256,
                d.validFrom, d.validUntil, d.status, d.reason, d.uploadedAt, d.reviewedAt,
                d.learningAgreementHash, d.mobilityId);
    }
}
