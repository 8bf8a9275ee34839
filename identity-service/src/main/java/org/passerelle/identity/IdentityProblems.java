package org.passerelle.identity;

import org.passerelle.runtime.problem.ProblemType;

/** The ways identity-service refuses a request; titles and details in problems*.properties. */
public final class IdentityProblems {

    /** A SCHAC, Erasmus or PIC code already belongs to another institution. */
    public static final ProblemType CODE_TAKEN = new ProblemType("institution-code-taken", 409);
    /** Another person already has this identifier. */
    public static final ProblemType DUPLICATE_IDENTIFIER = new ProblemType("duplicate-identifier", 409);
    /** The person already has an account, or the username is taken. */
    public static final ProblemType ACCOUNT_EXISTS = new ProblemType("account-exists", 409);
    /** The client id is taken. */
    public static final ProblemType CLIENT_EXISTS = new ProblemType("integration-client-exists", 409);
    /** The integration client was revoked: it has no secret any more. */
    public static final ProblemType CLIENT_REVOKED = new ProblemType("integration-client-revoked", 409);

    /** A service did not give its part of a person's export: no export rather than an incomplete one. */
    public static final ProblemType EXPORT_INCOMPLETE = new ProblemType("export-incomplete", 503);

    private IdentityProblems() {
    }
}
