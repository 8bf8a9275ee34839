package org.passerelle.mobility.documents.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.mobility.documents.Checklists;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemResponses;

/** A start refused by the checklist, wherever it is refused: the problem with the lines that stop it. */
public class StartRefusalMapper {

    @ServerExceptionMapper
    public Response refused(Checklists.StartRefused e, HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(e.type(), headers, uri, e.arguments());
        return Response.fromResponse(problem)
                .entity(StartRefusal.of((Problem) problem.getEntity(), e.lines().stream().map(ChecklistView.Line::of).toList()))
                .build();
    }
}
