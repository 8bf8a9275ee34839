package org.passerelle.runtime.bulk;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemResponses;

/** A bulk that imported nothing answers its problem with the result of every row. */
public class BulkRefusals {

    @ServerExceptionMapper
    public Response nothingImported(BulkImport.NothingImported e, HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(e.type(), headers, uri, e.arguments());
        return Response.fromResponse(problem).entity(BulkImport.Refusal.of((Problem) problem.getEntity(), e.result())).build();
    }
}
