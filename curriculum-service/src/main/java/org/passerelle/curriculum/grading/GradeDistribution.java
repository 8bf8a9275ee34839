package org.passerelle.curriculum.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How many students of a reference group (a programme over some years, as the ECTS Users' Guide 2015 asks) had each
 * passing grade of a scale: the institution's grading table. Only passing grades count, as in the Guide.
 */
@Entity
@Table(name = "grade_distribution")
public class GradeDistribution {

    /** One passing grade and how many students of the reference group had it. */
    public record Count(String grade, long students) {
    }

    @Id
    public UUID id;

    @Column(name = "scale_id", nullable = false, updatable = false)
    public UUID scaleId;

    /** Names the group on both sides of a conversion: "medicine-2022-2025". */
    @Column(name = "reference_group", nullable = false, updatable = false)
    public String referenceGroup;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<Count> counts;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public static GradeDistribution of(GradingScale scale, String referenceGroup, List<Count> counts, String recordedBy) {
        var distribution = new GradeDistribution();
        distribution.id = UUID.randomUUID();
        distribution.scaleId = scale.id;
        distribution.referenceGroup = referenceGroup;
        distribution.counts = List.copyOf(counts);
        distribution.recordedBy = recordedBy;
        return distribution;
    }
}
