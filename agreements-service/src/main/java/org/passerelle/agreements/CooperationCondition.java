package org.passerelle.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One direction of an agreement: how many people of a mobility type the sending institution may send to the
 * receiving one each academic year, for how long, at which level and with which language.
 */
@Embeddable
public class CooperationCondition {

    @Column(name = "sending_institution", nullable = false)
    public String sendingInstitution;

    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @Enumerated(EnumType.STRING)
    @Column(name = "mobility_type", nullable = false)
    public MobilityType mobilityType;

    /** Counted in the receiving side's academic year. */
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

    @Column(name = "eqf_level")
    public Integer eqfLevel;

    /** ISCED-F 2013 detailed field, e.g. 0912 (medicine). */
    @Column(name = "isced_code")
    public String iscedCode;

    /** Language of the language requirement (BCP 47), with its CEFR level. */
    public String language;

    @Column(name = "cefr_level")
    public String cefrLevel;

    @Column(name = "staff_days_per_year")
    public Integer staffDaysPerYear;

    /** The fields that make the content the parties approve, in a fixed order. */
    String content() {
        return String.join("|", sendingInstitution, receivingInstitution, mobilityType.name(),
                String.valueOf(placesPerYear), firstAcademicYear, lastAcademicYear, String.valueOf(minimumDays),
                String.valueOf(maximumDays), String.valueOf(eqfLevel), String.valueOf(iscedCode),
                String.valueOf(language), String.valueOf(cefrLevel), String.valueOf(staffDaysPerYear));
    }
}
