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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.passerelle.curriculum.grading.ConvertedGrade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The sending institution's recognition of a transcript version, component by component. */
@Entity
@Table(name = "recognition")
public class Recognition {

    /**
     * A passed component as recognised at home: the home course(s) it stands for, or extra credits; the grade converted
     * into the home scale with how; the reason given when the component is outside the last approved learning agreement.
     */
    @Embeddable
    public record Component(
            @Column(name = "session_id") UUID sessionId,
            @Column(name = "title") String title,
            @Column(name = "grade") String grade,
            @Column(name = "home_grade") String homeGrade,
            @JdbcTypeCode(SqlTypes.JSON) @Column(name = "conversion") ConvertedGrade conversion,
            @JdbcTypeCode(SqlTypes.JSON) @Column(name = "home_courses") List<String> homeCourses,
            @Column(name = "extra_credits") boolean extraCredits,
            @Column(name = "ects") BigDecimal ects,
            @Column(name = "chinese_credits") BigDecimal chineseCredits,
            @Column(name = "outside_agreement_reason") String outsideAgreementReason) {
    }

    @Id
    public UUID id;

    @Column(name = "mobility_id", nullable = false, updatable = false)
    public UUID mobilityId;

    @Column(name = "transcript_id", nullable = false, updatable = false)
    public UUID transcriptId;

    @Column(name = "transcript_version", nullable = false, updatable = false)
    public int transcriptVersion;

    @Column(name = "home_scale_id", nullable = false, updatable = false)
    public UUID homeScaleId;

    @Column(name = "recognised_by", nullable = false, updatable = false)
    public String recognisedBy;

    @Column(name = "recognised_by_account", updatable = false)
    public String recognisedByAccount;

    /** Set by the database; read back in the insert itself. */
    @Generated(event = EventType.INSERT)
    @Column(name = "recognised_at", nullable = false, insertable = false, updatable = false)
    public Instant recognisedAt;

    /** The creation key and row of the bulk request that made it under an Idempotency-Key; null otherwise. */
    @Column(name = "creation_key", updatable = false)
    public UUID creationKey;

    @Column(name = "creation_row", updatable = false)
    public Integer creationRow;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recognised_component", joinColumns = @JoinColumn(name = "recognition_id"))
    @OrderBy("sessionId")
    public List<Component> components = new ArrayList<>();

    public BigDecimal ects() {
        return components.stream().map(Component::ects).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal chineseCredits() {
        return components.stream().map(Component::chineseCredits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
