package org.passerelle.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One direction of an agreement: how many people of a mobility type the sending institution may send to the
 * receiving one each academic year, for how long, at which level and with which language.
 */
@Embeddable
public class CooperationCondition {

    /** Stays the same across amendments, so that mobilities and the differences between versions can name it. */
    @Column(name = "condition_id", nullable = false)
    public UUID id;

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

    /** The fields the parties agree on, by name, in a fixed order: what is hashed and compared between versions. */
    public Map<String, Object> terms() {
        var terms = new LinkedHashMap<String, Object>();
        terms.put("sendingInstitution", sendingInstitution);
        terms.put("receivingInstitution", receivingInstitution);
        terms.put("mobilityType", mobilityType);
        terms.put("placesPerYear", placesPerYear);
        terms.put("firstAcademicYear", firstAcademicYear);
        terms.put("lastAcademicYear", lastAcademicYear);
        terms.put("minimumDays", minimumDays);
        terms.put("maximumDays", maximumDays);
        terms.put("eqfLevel", eqfLevel);
        terms.put("iscedCode", iscedCode);
        terms.put("language", language);
        terms.put("cefrLevel", cefrLevel);
        terms.put("staffDaysPerYear", staffDaysPerYear);
        return terms;
    }

    /** The content the parties approve, in a fixed order. */
    String content() {
        return id + "|" + String.join("|", terms().values().stream().map(String::valueOf).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CooperationCondition c && Objects.equals(id, c.id) && terms().equals(c.terms());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, terms());
    }
}
