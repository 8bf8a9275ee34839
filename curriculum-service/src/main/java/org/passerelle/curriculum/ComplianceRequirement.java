package org.passerelle.curriculum;

/** What a student must show before a clinical internship starts. */
public enum ComplianceRequirement {
    HEPATITIS_B_VACCINATION,
    MMR_VACCINATION,
    TUBERCULOSIS_SCREENING,
    HEALTH_INSURANCE,
    LIABILITY_INSURANCE,
    CRIMINAL_RECORD_CHECK
}
