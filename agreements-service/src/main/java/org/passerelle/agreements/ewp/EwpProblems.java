package org.passerelle.agreements.ewp;

import org.passerelle.runtime.problem.ProblemType;

/** The ways the EWP exchange refuses a request; titles and details in problems*.properties. */
public final class EwpProblems {

    /** Not well-formed, or not valid against the IIAs API schema: each error with its line and column. */
    public static final ProblemType INVALID_XML = new ProblemType("ewp-invalid-xml", 400);
    /** A DOCTYPE: the way to entity bombs and external entities, and never needed by an EWP file. */
    public static final ProblemType DOCTYPE = new ProblemType("ewp-doctype", 400);
    /** An EWP IIA has two partners; an agreement of more parties has no IIA form. */
    public static final ProblemType NOT_BILATERAL = new ProblemType("ewp-not-bilateral", 409);
    /** The agreement lacks data the IIAs API requires: each missing field is named. */
    public static final ProblemType INCOMPLETE = new ProblemType("ewp-incomplete", 409);
    /** An IIA file with no iia element: nothing to import. */
    public static final ProblemType NO_IIA = new ProblemType("ewp-no-iia", 400);
    /** The agreement was not imported from an EWP file. */
    public static final ProblemType NO_SOURCE = new ProblemType("ewp-no-source", 404);

    private EwpProblems() {
    }
}
