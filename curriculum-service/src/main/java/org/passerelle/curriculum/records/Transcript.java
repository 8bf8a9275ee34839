package org.passerelle.curriculum.records;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One version of a mobility's transcript of records, as the receiving institution issued it. Versions are never
 * changed: a correction is the next version, with its reason.
 */
@Entity
@Table(name = "transcript")
public class Transcript {

    /** The result of one learning-agreement component: the grade in the transcript's scale and the credits earned. */
    @Embeddable
    public record Result(
            @Column(name = "session_id") UUID sessionId,
            @Column(name = "title") String title,
            @Column(name = "grade") String grade,
            @Column(name = "passed") boolean passed,
            @Column(name = "ects_earned") BigDecimal ectsEarned,
            @Column(name = "chinese_credits_earned") BigDecimal chineseCreditsEarned,
            @Column(name = "assessed_on") LocalDate assessedOn) {
    }

    @Id
    public UUID id;

    @Column(name = "mobility_id", nullable = false, updatable = false)
    public UUID mobilityId;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "scale_id", nullable = false, updatable = false)
    public UUID scaleId;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;

    @Column(name = "issued_by_account", updatable = false)
    public String issuedByAccount;

    /** Set by the database; read back in the insert itself. */
    @Generated(event = EventType.INSERT)
    @Column(name = "issued_at", nullable = false, insertable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "correction_reason", updatable = false)
    public String correctionReason;

    /** The creation key and row of the bulk request that made it under an Idempotency-Key; null otherwise. */
    @Column(name = "creation_key", updatable = false)
    public UUID creationKey;

    @Column(name = "creation_row", updatable = false)
    public Integer creationRow;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "transcript_result", joinColumns = @JoinColumn(name = "transcript_id"))
    @OrderBy("sessionId")
    public List<Result> results = new ArrayList<>();

    public static Transcript version(UUID mobilityId, int version, UUID scaleId, String issuedBy, String account,
                                     String correctionReason, List<Result> results) {
        var transcript = new Transcript();
        transcript.id = UUID.randomUUID();
        transcript.mobilityId = mobilityId;
        transcript.version = version;
        transcript.scaleId = scaleId;
        transcript.issuedBy = issuedBy;
        transcript.issuedByAccount = account;
        transcript.correctionReason = correctionReason;
        transcript.results = new ArrayList<>(results);
        return transcript;
    }
}
