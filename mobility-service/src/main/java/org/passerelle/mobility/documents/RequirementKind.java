package org.passerelle.mobility.documents;

/**
 * The kinds of paper an institution may ask of every mobility it receives: curriculum-service's
 * ComplianceRequirement, with the same usual validity (an insurance or a visa for the whole stay).
 */
public enum RequirementKind {
    HEPATITIS_B_VACCINATION(false),
    MMR_VACCINATION(false),
    TUBERCULOSIS_SCREENING(false),
    HEALTH_INSURANCE(true),
    LIABILITY_INSURANCE(true),
    CRIMINAL_RECORD_CHECK(false),
    VISA(true);

    private final boolean wholeStayByDefault;

    RequirementKind(boolean wholeStayByDefault) {
        this.wholeStayByDefault = wholeStayByDefault;
    }

    public boolean wholeStayByDefault() {
        return wholeStayByDefault;
    }
}
