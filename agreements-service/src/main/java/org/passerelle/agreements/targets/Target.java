package org.passerelle.agreements.targets;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.passerelle.agreements.AcademicYear;
import org.passerelle.agreements.MobilityType;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A goal for the mobilities of one or several agreements into one institution, e.g. "inbound students from
 * the French partners to SJTUSM: 30 in 2024/2025, twice that by 2027/2028". Its progress is counted from
 * mobility events (see TargetProgress).
 */
@Entity
public class Target {

    /** What a target counts: mobilities once accepted, or only once their results were recognised at home. */
    public enum Counts { ACCEPTED, RECOGNISED }

    @Id
    public UUID id;

    @Embedded
    @EmbeddedColumnNaming("title_%s")
    public LocalizedText title;

    /** SCHAC code of the institution the counted mobilities go to. */
    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "target_agreement", joinColumns = @JoinColumn(name = "target_id"))
    @Column(name = "agreement_id")
    public Set<UUID> agreements = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "target_mobility_type", joinColumns = @JoinColumn(name = "target_id"))
    @Column(name = "mobility_type")
    @Enumerated(EnumType.STRING)
    public Set<MobilityType> mobilityTypes = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Counts counts = Counts.ACCEPTED;

    @Column(name = "baseline_year", nullable = false)
    public String baselineYear;

    @Column(name = "baseline_count", nullable = false)
    public int baselineCount;

    @Column(name = "target_year", nullable = false)
    public String targetYear;

    @Column(name = "target_count", nullable = false)
    public int targetCount;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    /**
     * How many counted mobilities a year needs to be on track: on the straight line from the baseline to the
     * target, rounded up.
     */
    public int expectedIn(String academicYear) {
        int span = AcademicYear.start(targetYear) - AcademicYear.start(baselineYear);
        int elapsed = AcademicYear.start(academicYear) - AcademicYear.start(baselineYear);
        return baselineCount + (int) Math.ceil((double) (targetCount - baselineCount) * elapsed / span);
    }
}
