package org.passerelle.mobility.ewp;

import org.passerelle.runtime.problem.ProblemType;

/** The ways the EWP exports of mobilities refuse a request; titles and details in problems*.properties. */
public final class EwpProblems {

    /** The OMobilities and OMobility LAs APIs carry student mobilities only; a staff mobility has no EWP form. */
    public static final ProblemType NOT_A_STUDENT_MOBILITY = new ProblemType("ewp-not-a-student-mobility", 409);
    /** The mobility lacks data the API requires: each missing field (or setting) is named. */
    public static final ProblemType INCOMPLETE = new ProblemType("ewp-incomplete", 409);

    private EwpProblems() {
    }
}
