package org.passerelle.mobility;

import org.passerelle.runtime.problem.ProblemType;

/** The ways mobility-service refuses a request; titles and details in problems*.properties. */
public final class MobilityProblems {

    public static final ProblemType AGREEMENT_NOT_ACTIVE = new ProblemType("agreement-not-active", 409);
    public static final ProblemType CONDITION_MISMATCH = new ProblemType("condition-mismatch", 422);
    public static final ProblemType DURATION_OUTSIDE = new ProblemType("duration-outside-condition", 422);
    public static final ProblemType QUOTA_EXHAUSTED = new ProblemType("quota-exhausted", 409);
    public static final ProblemType WRONG_STATUS = new ProblemType("mobility-status", 409);
    public static final ProblemType NOT_RECEIVING_SIDE = new ProblemType("not-receiving-side", 403);
    public static final ProblemType DEPARTURE_BEFORE_ARRIVAL = new ProblemType("departure-before-arrival", 400);
    public static final ProblemType NOTHING_NOMINATED = new ProblemType("nothing-nominated", 422);
    /** The nomination names a person id identity-service has not registered (as far as its events have arrived). */
    public static final ProblemType UNKNOWN_PERSON = new ProblemType("unknown-person", 422);
    /** The identifiers given belong to another person than the one named, or to two people. */
    public static final ProblemType PERSON_MISMATCH = new ProblemType("person-mismatch", 422);

    private MobilityProblems() {
    }
}
