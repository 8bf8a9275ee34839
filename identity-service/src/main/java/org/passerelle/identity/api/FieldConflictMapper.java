package org.passerelle.identity.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.identity.FieldConflict;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemMessages;
import org.passerelle.runtime.problem.ProblemResponses;

import java.util.List;

/**
 * Answers a {@link FieldConflict} as problem+json whose {@code errors} names the field, with the reason in the
 * caller's language (the shared ProblemException carries field reasons as fixed text only).
 */
public class FieldConflictMapper {

    @ServerExceptionMapper
    public Response conflict(FieldConflict e, HttpHeaders headers, UriInfo uri) {
        String reason = ProblemMessages.text(e.reasonKey(), ProblemResponses.locale(headers), e.arguments());
        return ProblemResponses.of(e.type(), List.of(new Problem.FieldError(e.field(), reason)), null, headers, uri,
                e.arguments());
    }
}
