package org.passerelle.mobility.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A cooperation condition in force, as AgreementActivated and AgreementAmended carry it: what nominations are checked against. */
@Entity
@Table(name = "agreement_condition")
@IdClass(AgreementCondition.Key.class)
public class AgreementCondition {

    public record Key(UUID agreementId, UUID conditionId) implements Serializable {
    }

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;

    @Id
    @Column(name = "condition_id")
    public UUID conditionId;

    @Column(name = "sending_institution", nullable = false)
    public String sendingInstitution;

    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @Column(name = "mobility_type", nullable = false)
    public String mobilityType;

    @Column(name = "places_per_year", nullable = false)
    public int placesPerYear;

    @Column(name = "first_academic_year", nullable = false)
    public String firstAcademicYear;

    @Column(name = "last_academic_year", nullable = false)
    public String lastAcademicYear;

    @Column(name = "minimum_days")
    public Integer minimumDays;

    @Column(name = "maximum_days")
    public Integer maximumDays;

    /** Whether the condition covers the academic year (the fixed format 2025/2026 compares as text). */
    public boolean covers(String academicYear) {
        return firstAcademicYear.compareTo(academicYear) <= 0 && lastAcademicYear.compareTo(academicYear) >= 0;
    }
}
