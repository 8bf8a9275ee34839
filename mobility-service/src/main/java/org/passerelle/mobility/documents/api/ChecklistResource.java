package org.passerelle.mobility.documents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.api.MobilityRequests;
import org.passerelle.mobility.documents.Checklists;

import java.util.UUID;

@Path("/api/mobilities/{id}/checklist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class ChecklistResource {

    @Inject
    Checklists checklists;

    @Inject
    Callers callers;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "The checklist of a mobility",
            description = "A line per paper required by the catalogue items of the sessions it asked for (not refused or "
                    + "released) and by its receiving institution, each kind once; the status of each is its current "
                    + "document's: MISSING, SUBMITTED, ACCEPTED, REJECTED (with the reason) or EXPIRED. Whoever sees the "
                    + "mobility sees its checklist. The arrival is refused until every line is ACCEPTED and valid as long as "
                    + "the stay needs it (urn:passerelle:problem:checklist-incomplete).")
    @APIResponse(responseCode = "200", description = "The checklist")
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    public ChecklistView get(@PathParam("id") UUID id) {
        var caller = callers.current();
        return ChecklistView.of(id, checklists.of(id, caller.actingFor(), caller.studentEmail()));
    }

    @POST
    @Path("/exception")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Let the mobility start although its checklist is not met (international office)",
            description = "With the reason, kept with who recorded it and when, and published as ChecklistExceptionRecorded "
                    + "(with the lines it overrides) for the audit. The arrival is then confirmed as usual.")
    @APIResponse(responseCode = "200", description = "The checklist, with the exception")
    @APIResponse(responseCode = "400", description = "No reason (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No such mobility (urn:passerelle:problem:not-found)")
    public ChecklistView recordException(@PathParam("id") UUID id, @Valid @NotNull MobilityRequests.Reason exception) {
        return ChecklistView.of(id, checklists.recordException(id, exception.reason(), callers.current().subject()));
    }
}
