package org.passerelle.curriculum;

/**
 * A kind of paper a student must show for a stay: a vaccination, a screening, an insurance, a visa. Whether it must
 * stay valid for the whole stay, unless an item says otherwise: an insurance or a visa covers the stay, a
 * vaccination or a check is needed at its start.
 */
public enum ComplianceRequirement {
    HEPATITIS_B_VACCINATION(false),
    MMR_VACCINATION(false),
    TUBERCULOSIS_SCREENING(false),
    HEALTH_INSURANCE(true),
    LIABILITY_INSURANCE(true),
    CRIMINAL_RECORD_CHECK(false),
    VISA(true);

    private final boolean wholeStayByDefault;

    ComplianceRequirement(boolean wholeStayByDefault) {
        this.wholeStayByDefault = wholeStayByDefault;
    }

    public boolean wholeStayByDefault() {
        return wholeStayByDefault;
    }
}
