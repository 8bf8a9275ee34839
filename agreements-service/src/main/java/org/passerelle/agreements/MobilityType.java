package org.passerelle.agreements;

/** What a mobility is for; staff types count days rather than students. */
public enum MobilityType {
    SUMMER_TRAINING,
    BASIC_COURSES,
    CLINICAL_INTERNSHIP_MID,
    CLINICAL_INTERNSHIP_LONG,
    RESEARCH_LONG,
    STAFF_TEACHING,
    STAFF_TRAINING;

    public boolean isStaff() {
        return this == STAFF_TEACHING || this == STAFF_TRAINING;
    }
}
