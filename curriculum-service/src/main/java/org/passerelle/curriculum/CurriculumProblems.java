package org.passerelle.curriculum;

import org.passerelle.runtime.problem.ProblemType;

/** The ways curriculum-service refuses a request; titles and details in problems*.properties. */
public final class CurriculumProblems {

    public static final ProblemType ITEM_WITHDRAWN = new ProblemType("catalogue-item-withdrawn", 409);
    public static final ProblemType SESSION_STATUS = new ProblemType("session-status", 409);
    public static final ProblemType SESSION_HELD = new ProblemType("session-held", 409);
    public static final ProblemType NOT_SUPERVISOR = new ProblemType("not-supervisor", 403);
    public static final ProblemType NO_CONVERSION_RULE = new ProblemType("no-conversion-rule", 404);

    private CurriculumProblems() {
    }
}
