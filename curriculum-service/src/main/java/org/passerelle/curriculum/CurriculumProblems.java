package org.passerelle.curriculum;

import org.passerelle.runtime.problem.ProblemType;

/** The ways curriculum-service refuses a request; titles and details in problems*.properties. */
public final class CurriculumProblems {

    public static final ProblemType ITEM_WITHDRAWN = new ProblemType("catalogue-item-withdrawn", 409);
    public static final ProblemType SESSION_STATUS = new ProblemType("session-status", 409);
    public static final ProblemType SESSION_HELD = new ProblemType("session-held", 409);
    public static final ProblemType NOT_SUPERVISOR = new ProblemType("not-supervisor", 403);
    public static final ProblemType NO_CONVERSION_RULE = new ProblemType("no-conversion-rule", 404);
    public static final ProblemType NO_GRADE_CONVERSION = new ProblemType("no-grade-conversion", 422);
    public static final ProblemType NOT_RECEIVING_INSTITUTION = new ProblemType("not-receiving-institution", 403);
    public static final ProblemType NOT_SENDING_INSTITUTION = new ProblemType("not-sending-institution", 403);
    public static final ProblemType MOBILITY_NOT_COMPLETED = new ProblemType("mobility-not-completed", 409);
    public static final ProblemType NOT_IN_LEARNING_AGREEMENT = new ProblemType("not-in-learning-agreement", 422);
    public static final ProblemType TRANSCRIPT_EXISTS = new ProblemType("transcript-exists", 409);
    public static final ProblemType NO_TRANSCRIPT = new ProblemType("no-transcript", 409);
    public static final ProblemType ALREADY_RECOGNISED = new ProblemType("already-recognised", 409);
    public static final ProblemType NOTHING_RECORDED = new ProblemType("nothing-recorded", 422);
    public static final ProblemType NOT_INSTITUTION_SCALE = new ProblemType("not-institution-scale", 403);

    private CurriculumProblems() {
    }
}
