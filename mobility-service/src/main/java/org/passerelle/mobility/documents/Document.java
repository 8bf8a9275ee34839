package org.passerelle.mobility.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of a paper handed in for a line of a mobility's checklist. A new upload for the same line is the next
 * version and becomes the current one; earlier versions stay as history. The bytes are in document_content.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    public UUID id;

    @Column(name = "mobility_id", nullable = false, updatable = false)
    public UUID mobilityId;

    /** The requirement's kind, e.g. HEALTH_INSURANCE. */
    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false, updatable = false)
    public int version;

    /** Whether it is the latest version for its line, the one that meets it. */
    @Column(nullable = false)
    public boolean current;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** Read from the content, never from the name: application/pdf, image/jpeg or image/png. */
    @Column(name = "media_type", nullable = false, updatable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    /** SHA-256 of the content, in hex. */
    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    /** Why it was rejected. */
    public String reason;

    /** The token subject of who handed it in. */
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    public Instant uploadedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** The last reminder of its expiry sent, in days before it (30, then 7); null before the first. */
    @Column(name = "reminded_days")
    public Integer remindedDays;

    /** For a signed learning agreement: the version it signs, and that version's content hash, which the upload named. */
    @Column(name = "learning_agreement_version", updatable = false)
    public UUID learningAgreementVersion;

    @Column(name = "learning_agreement_hash", updatable = false)
    public String learningAgreementHash;

    public void accept(String by, Instant at) {
        requireSubmitted("accept");
        status = DocumentStatus.ACCEPTED;
        reviewedBy = by;
        reviewedAt = at;
    }

    public void reject(String why, String by, Instant at) {
        requireSubmitted("reject");
        status = DocumentStatus.REJECTED;
        reason = why;
        reviewedBy = by;
        reviewedAt = at;
    }

    /** An accepted document whose validity ended before {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return status == DocumentStatus.ACCEPTED && validUntil != null && validUntil.isBefore(today);
    }

    /** Only the current version waiting for review is reviewed: an old version or a reviewed one is not. */
    private void requireSubmitted(String action) {
        if (!current || status != DocumentStatus.SUBMITTED) {
            throw new ProblemException(DocumentProblems.NOT_SUBMITTED, current ? status : "SUPERSEDED", action);
        }
    }
}
