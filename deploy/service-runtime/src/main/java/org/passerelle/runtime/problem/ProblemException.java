package org.passerelle.runtime.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by a use case to refuse a request with a given problem type. The detail is looked up in the message
 * bundles as {@code <slug>.detail}, formatted with the arguments; field errors are optional.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Object[] arguments;
    private final List<Problem.FieldError> fieldErrors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, Object... arguments) {
        this(type, List.of(), arguments);
    }

    public ProblemException(ProblemType type, List<Problem.FieldError> fieldErrors, Object... arguments) {
        this(type, fieldErrors, null, arguments);
    }

    private ProblemException(ProblemType type, List<Problem.FieldError> fieldErrors, Duration retryAfter, Object... arguments) {
        super(type.slug(), null, false, false);
        this.type = type;
        this.arguments = arguments;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** The same refusal, telling the client when the same request may succeed (the Retry-After header). */
    public ProblemException retryAfter(Duration wait) {
        return new ProblemException(type, fieldErrors, wait, arguments);
    }

    /** How long the client should wait before sending the request again; null when waiting would not help. */
    public Duration retryAfter() {
        return retryAfter;
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
