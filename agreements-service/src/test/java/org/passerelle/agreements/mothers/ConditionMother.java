package org.passerelle.agreements.mothers;

import org.passerelle.agreements.CooperationCondition;
import org.passerelle.agreements.MobilityType;

import java.util.UUID;

/**
 * Cooperation conditions for rule tests, by named fields: {@code ConditionMother.lyonToShanghai().places(4).build()}.
 * The default: Lyon 1 sends 10 students a year to SJTUSM for a clinical internship of 30 to 90 days, 2025/2026 to
 * 2029/2030.
 */
public final class ConditionMother {

    private UUID id;
    private String sending = "univ-lyon1.fr";
    private String receiving = "sjtu.edu.cn";
    private MobilityType type = MobilityType.CLINICAL_INTERNSHIP_MID;
    private int places = 10;
    private String firstYear = "2025/2026";
    private String lastYear = "2029/2030";
    private Integer minimumDays = 30;
    private Integer maximumDays = 90;

    private ConditionMother() {
    }

    public static ConditionMother lyonToShanghai() {
        return new ConditionMother();
    }

    public static ConditionMother shanghaiToLyon() {
        return new ConditionMother().sending("sjtu.edu.cn").receiving("univ-lyon1.fr");
    }

    /** The id of a condition already in the agreement (a change of it in an amendment); none for a new one. */
    public ConditionMother id(UUID id) {
        this.id = id;
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

    public ConditionMother type(MobilityType type) {
        this.type = type;
        return this;
    }

    public ConditionMother places(int placesPerYear) {
        this.places = placesPerYear;
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

    public CooperationCondition build() {
        var c = new CooperationCondition();
        c.id = id;
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
