package org.passerelle.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;

import java.util.UUID;

/**
 * Every error a service answers goes through here and leaves as problem+json: no HTML, no stack trace,
 * and no 500 for a request that is merely wrong.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER = "Retry-After";

    @ServerExceptionMapper
    public Response refused(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(e.type(), e.fieldErrors(), null, headers, uri, e.arguments());
        if (e.retryAfter() == null) {
            return problem;
        }
        return Response.fromResponse(problem).header(RETRY_AFTER, e.retryAfter().toSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason))
                .toList();
        return ProblemResponses.of(ProblemType.VALIDATION, errors, null, headers, uri, errors.size());
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e, HttpHeaders headers, UriInfo uri) {
        var locale = ProblemResponses.locale(headers);
        List<Problem.FieldError> errors = e.fields().stream()
                .map(f -> new Problem.FieldError(f.field(), ProblemMessages.text(f.reasonKey(), locale, f.arguments())))
                .toList();
        return ProblemResponses.of(ProblemType.VALIDATION, errors, null, headers, uri, errors.size());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpHeaders headers, UriInfo uri) {
        String reason = ProblemMessages.text(e.reasonKey(), ProblemResponses.locale(headers), e.arguments());
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(e.parameter(), reason));
        return ProblemResponses.of(ProblemType.VALIDATION, errors, null, headers, uri, 1);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String reasonKey = field.isEmpty() ? "body.unreadable"
                : e instanceof org.passerelle.runtime.json.StrictJson.ControlCharacterInText ? "text.control-character"
                : "body.wrong-type";
        String reason = ProblemMessages.text(reasonKey, ProblemResponses.locale(headers));
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field.isEmpty() ? "$" : field, reason));
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, errors, null, headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return withChallenge(ProblemResponses.of(ProblemType.UNAUTHENTICATED, headers, uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        if (causedByUnreachableServer(e)) {
            return ProblemResponses.of(ProblemType.DEPENDENCY_UNAVAILABLE, headers, uri);
        }
        return withChallenge(ProblemResponses.of(ProblemType.UNAUTHENTICATED, headers, uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, headers, uri);
    }

    @ServerExceptionMapper
    public Response staleUpdate(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT, headers, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            // the JSON reader wraps syntax errors in a bare 400
            return unreadable(unreadableBody, headers, uri);
        }
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        // a body too large for the REST layer (sent in chunks, without Content-Length) names the limit too
        Response problem = status == 413
                ? ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, headers, uri, org.passerelle.runtime.http.BodySizeLimit.bytes())
                : ProblemResponses.of(ProblemType.forStatus(status), headers, uri);
        if (status == 401) {
            return withChallenge(problem);
        }
        if (status == 405) {
            // RFC 9110: a 405 names the methods the address takes
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow == null || allow.isBlank()) {
                allow = io.quarkus.arc.Arc.container().instance(org.passerelle.runtime.http.AllowedMethods.class).get()
                        .at(uri.getRequestUri().getRawPath());
            }
            return allow.isBlank() ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String constraint = violatedConstraint(e);
        if (constraint != null) {
            // two requests raced to create the same thing; the database kept one
            if (constraint.startsWith("idempotent_creation")) {
                return refused(org.passerelle.runtime.http.IdempotentCreations.keyInUse(""), headers, uri);
            }
            return ProblemResponses.of(ProblemType.CONFLICT, headers, uri);
        }
        if (unreadableMediaType(e)) {
            // e.g. Content-Type: garbage on an operation that takes two types: the REST layer cannot even parse it
            return ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, headers, uri);
        }
        if (unreadableForm(e)) {
            // a multipart body cut short or with a boundary that never comes: the request's fault, like malformed JSON
            List<Problem.FieldError> errors = List.of(new Problem.FieldError("$",
                    ProblemMessages.text("body.unreadable", ProblemResponses.locale(headers))));
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, errors, null, headers, uri);
        }
        if (causedByUnreachableServer(e)) {
            LOG.warnf("A dependency is unreachable: %s", rootMessage(e));
            return ProblemResponses.of(ProblemType.DEPENDENCY_UNAVAILABLE, headers, uri);
        }
        // the reference ties the answer to the one log entry that holds the stack trace
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return ProblemResponses.of(ProblemType.INTERNAL, List.of(), reference, headers, uri, reference);
    }

    /** The REST layer could not parse the request's Content-Type as a media type. */
    static boolean unreadableMediaType(Throwable e) {
        return e instanceof IllegalArgumentException && thrownBy(e, ".MediaTypeHeaderDelegate");
    }

    private static boolean thrownBy(Throwable e, String classNameEnd) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().endsWith(classNameEnd)) {
                return true;
            }
        }
        return false;
    }

    /** An IOException of the REST layer's form parser: the body does not hold the form its Content-Type announces. */
    static boolean unreadableForm(Throwable e) {
        if (!(e instanceof java.io.IOException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || frame.getClassName().endsWith(".FormBodyHandler")) {
                return true;
            }
        }
        return false;
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"passerelle\"").build();
    }

    /** The request field a violation is about: the query or path parameter, or the body property path. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE, CROSS_PARAMETER -> { }
                // a body or @BeanParam is named by its properties, a plain parameter by its own name
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() && parameter != null ? parameter : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The name of the unique or primary-key constraint a write broke, if that is what happened. */
    static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return violation.getConstraintName() == null ? "" : violation.getConstraintName();
            }
        }
        return null;
    }

    static boolean causedByUnreachableServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || t.getClass().getName().equals("io.quarkus.oidc.OIDCException")
                    || (t.getMessage() != null && t.getMessage().contains("OIDC server is not available"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

}
