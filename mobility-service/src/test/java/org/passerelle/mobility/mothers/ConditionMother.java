package org.passerelle.mobility.mothers;

import org.passerelle.mobility.agreements.AgreementCondition;

import java.util.UUID;

/**
 * Cooperation conditions for rule tests, by named fields: {@code ConditionMother.clinicalInternship().sending("univ-lyon1.fr")
 * .places(3).build()}. The defaults: Lyon 1 sends to SJTUSM, 2025/2026 to 2029/2030, 5 places, 14 to 120 days.
 */
public final class ConditionMother {

    private UUID agreementId = UUID.randomUUID();
    private String sending = "univ-lyon1.fr";
    private String receiving = "sjtu.edu.cn";
    private String type;
    private int places = 5;
    private String firstYear = "2025/2026";
    private String lastYear = "2029/2030";
    private Integer minimumDays = 14;
    private Integer maximumDays = 120;

    private ConditionMother(String type) {
        this.type = type;
    }

    public static ConditionMother clinicalInternship() {
        return new ConditionMother("CLINICAL_INTERNSHIP");
    }

    public static ConditionMother staffTeaching() {
        return new ConditionMother("STAFF_TEACHING");
    }

    public ConditionMother agreement(UUID agreementId) {
        this.agreementId = agreementId;
        return this;
    }

    public ConditionMother sending(String institution) {
        this.sending = institution;
        return this;
    }

    public ConditionMother receiving(String institution) {
        this.receiving = institution;
        return this;
    }

    public ConditionMother places(int places) {
        this.places = places;
        return this;
    }

    public ConditionMother years(String first, String last) {
        this.firstYear = first;
        this.lastYear = last;
        return this;
    }

    public ConditionMother days(Integer minimum, Integer maximum) {
        this.minimumDays = minimum;
        this.maximumDays = maximum;
        return this;
    }

    public AgreementCondition build() {
        var c = new AgreementCondition();
        c.agreementId = agreementId;
        c.conditionId = UUID.randomUUID();
        c.sendingInstitution = sending;
        c.receivingInstitution = receiving;
        c.mobilityType = type;
        c.placesPerYear = places;
        c.firstAcademicYear = firstYear;
        c.lastAcademicYear = lastYear;
        c.minimumDays = minimumDays;
        c.maximumDays = maximumDays;
        return c;
    }
}
