package org.passerelle.mobility.learning;

import org.passerelle.runtime.problem.ProblemType;

/** The ways a learning agreement change is refused; titles and details in problems*.properties. */
public final class LearningAgreementProblems {

    /** The approved hash is not the pending proposal's: the detail names the current one. */
    public static final ProblemType STALE_APPROVAL = new ProblemType("learning-agreement-stale-approval", 409);
    public static final ProblemType NO_PROPOSAL = new ProblemType("learning-agreement-no-proposal", 409);
    public static final ProblemType UNCHANGED = new ProblemType("learning-agreement-unchanged", 409);
    /** The mobility is not NOMINATED, ACCEPTED or IN_PROGRESS. */
    public static final ProblemType CLOSED = new ProblemType("learning-agreement-closed", 409);

    private LearningAgreementProblems() {
    }
}
