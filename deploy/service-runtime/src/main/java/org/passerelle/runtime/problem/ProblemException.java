package org.passerelle.runtime.problem;

import java.util.List;

/**
 * Thrown by a use case to refuse a request with a given problem type. The detail is looked up in the message
 * bundles as {@code <slug>.detail}, formatted with the arguments; field errors are optional.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Object[] arguments;
    private final List<Problem.FieldError> fieldErrors;

    public ProblemException(ProblemType type, Object... arguments) {
        this(type, List.of(), arguments);
    }

    public ProblemException(ProblemType type, List<Problem.FieldError> fieldErrors, Object... arguments) {
        super(type.slug(), null, false, false);
        this.type = type;
        this.arguments = arguments;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ProblemType type() {
        return type;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
