package org.passerelle.mobility.documents.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.runtime.problem.Problem;

import java.net.URI;
import java.util.List;

/** A refused start as problem details, with the lines of the checklist that stop it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "StartRefused", description = "Problem details; for urn:passerelle:problem:checklist-incomplete, `lines` lists "
        + "the lines of the checklist that stop the start (not accepted, or not valid for as long as the stay needs)")
public record StartRefusal(URI type, String title, int status, String detail,
                           @Schema(description = "The request path, relative to the service", format = "uri-reference") URI instance,
                           List<ChecklistView.Line> lines) {

    static StartRefusal of(Problem problem, List<ChecklistView.Line> lines) {
        return new StartRefusal(problem.type(), problem.title(), problem.status(), problem.detail(), problem.instance(), lines);
    }
}
