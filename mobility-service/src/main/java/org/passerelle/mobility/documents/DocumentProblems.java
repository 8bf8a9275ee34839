package org.passerelle.mobility.documents;

import org.passerelle.runtime.problem.ProblemType;

/** The ways a document, a review or a start is refused; titles and details in problems*.properties. */
public final class DocumentProblems {

    /** Larger than 10 MiB. */
    public static final ProblemType TOO_LARGE = new ProblemType("document-too-large", 413);
    /** The content is not a PDF, a JPEG or a PNG, whatever its name says. */
    public static final ProblemType UNSUPPORTED_TYPE = new ProblemType("document-type", 415);
    /** The mobility's checklist has no line of this kind. */
    public static final ProblemType NOT_ON_CHECKLIST = new ProblemType("not-on-checklist", 422);
    /** Only the current version waiting for review is accepted or rejected. */
    public static final ProblemType NOT_SUBMITTED = new ProblemType("document-not-submitted", 409);
    /** The line names the other side's coordinator. */
    public static final ProblemType NOT_REVIEWING_SIDE = new ProblemType("not-reviewing-side", 403);
    /** The mobility cannot start: lines of its checklist are not met (the problem lists them). */
    public static final ProblemType CHECKLIST_INCOMPLETE = new ProblemType("checklist-incomplete", 409);

    /** A signed learning agreement names a content hash that is not the version's. */
    public static final ProblemType SIGNED_COPY_MISMATCH = new ProblemType("signed-copy-mismatch", 409);

    private DocumentProblems() {
    }
}
