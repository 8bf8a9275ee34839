package org.passerelle.runtime.problem;

import java.net.URI;

/**
 * A kind of error with a stable identifier. Clients branch on {@link #uri()}, never on the wording.
 * Titles and details live in the message bundles under the keys {@code <slug>.title} and {@code <slug>.detail}.
 * Services declare their own types beside these shared ones.
 */
public record ProblemType(String slug, int status) {

    public static final String URI_PREFIX = "urn:passerelle:problem:";

    public static final ProblemType VALIDATION = new ProblemType("validation", 400);
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403);
    /** The token names no institution, or one identity-service does not know: nothing to act for. */
    public static final ProblemType UNKNOWN_INSTITUTION = new ProblemType("unknown-institution", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406);
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409);
    public static final ProblemType PRECONDITION_FAILED = new ProblemType("precondition-failed", 412);
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415);
    public static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", 414);
    public static final ProblemType HEADERS_TOO_LARGE = new ProblemType("headers-too-large", 431);
    public static final ProblemType PRECONDITION_REQUIRED = new ProblemType("precondition-required", 428);
    public static final ProblemType INTERNAL = new ProblemType("internal", 500);
    public static final ProblemType DEPENDENCY_UNAVAILABLE = new ProblemType("dependency-unavailable", 503);
    /** Any other HTTP status a framework raises; the slug names the status family. */
    public static final ProblemType HTTP_ERROR = new ProblemType("http-error", 400);

    public URI uri() {
        return URI.create(URI_PREFIX + slug);
    }

    /** The shared type for a bare HTTP status raised by the framework. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> DEPENDENCY_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : new ProblemType(HTTP_ERROR.slug, status);
        };
    }
}
