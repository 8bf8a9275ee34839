package org.passerelle.curriculum;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemMessages;
import org.passerelle.runtime.problem.ProblemResponses;

import java.util.List;

/** Answers a {@link FieldProblem} as problem+json with its field and reason in the caller's language. */
public class FieldProblemMapper {

    @ServerExceptionMapper
    public Response refused(FieldProblem e, HttpHeaders headers, UriInfo uri) {
        String reason = ProblemMessages.text(e.reasonKey(), ProblemResponses.locale(headers), e.arguments());
        return ProblemResponses.of(e.type(), List.of(new Problem.FieldError(e.field(), reason)), null, headers, uri, e.arguments());
    }
}
