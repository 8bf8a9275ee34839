package org.passerelle.agreements;

import org.passerelle.runtime.problem.ProblemType;

/** The ways agreements-service refuses a request; titles and details in problems*.properties. */
public final class AgreementProblems {

    public static final ProblemType PARTIES = new ProblemType("agreement-parties", 400);
    public static final ProblemType YEARS = new ProblemType("agreement-years", 400);
    public static final ProblemType WRONG_STATUS = new ProblemType("agreement-status", 409);
    public static final ProblemType STALE_APPROVAL = new ProblemType("stale-approval", 409);
    public static final ProblemType NOT_A_PARTY = new ProblemType("not-a-party", 403);
    public static final ProblemType AMENDMENT_PENDING = new ProblemType("amendment-pending", 409);
    public static final ProblemType NO_AMENDMENT = new ProblemType("no-amendment", 409);
    public static final ProblemType NO_SUCH_VERSION = new ProblemType("no-such-version", 404);

    private AgreementProblems() {
    }
}
