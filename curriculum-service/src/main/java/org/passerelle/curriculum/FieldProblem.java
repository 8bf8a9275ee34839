package org.passerelle.curriculum;

import org.passerelle.runtime.problem.ProblemType;

/**
 * A refusal of a rule of the domain that is not a plain validation (a state, a party) but still names the field
 * at fault, with its reason in the caller's language: the problem's detail takes {@code detailArguments}, the
 * field's reason the message {@code reasonKey} with {@code reasonArguments}.
 */
public class FieldProblem extends RuntimeException {

    private final ProblemType type;
    private final String field;
    private final String reasonKey;
    private final transient Object[] arguments;

    public FieldProblem(ProblemType type, String field, String reasonKey, Object... arguments) {
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

    public Object[] arguments() {
        return arguments.clone();
    }
}
