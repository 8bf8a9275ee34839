package org.passerelle.identity;

import org.passerelle.runtime.problem.ProblemType;

/**
 * A refusal about one field of the request that is not a validation error (a code or identifier that someone
 * else already has): answered with the problem type, its detail, and the field with a reason in the caller's
 * language (message key {@code reasonKey} in problems*.properties).
 */
public class FieldConflict extends RuntimeException {

    private final transient ProblemType type;
    private final String field;
    private final String reasonKey;
    private final transient Object[] arguments;

    public FieldConflict(ProblemType type, String field, String reasonKey, Object... arguments) {
        super(type.slug() + " " + field, null, false, false);
        this.type = type;
        this.field = field;
        this.reasonKey = reasonKey;
        this.arguments = arguments;
    }

    public ProblemType type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String reasonKey() {
        return reasonKey;
    }

    /** Arguments of both the detail and the reason. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
