package org.passerelle.mobility.documents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.documents.InstitutionRequirements;
import org.passerelle.mobility.documents.Requirement;
import org.passerelle.mobility.documents.RequirementKind;
import org.passerelle.runtime.security.Caller;

import java.util.List;

@Path("/api/mobilities/institution-requirements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class InstitutionRequirementResource {

    @Schema(name = "InstitutionRequirement", description = "A paper an institution asks of every mobility it receives")
    public record View(@Schema(example = "sjtu.edu.cn") String institution, @Schema(example = "HEALTH_INSURANCE") String kind,
                       boolean validForWholeStay, @Schema(example = "RECEIVING") Requirement.CheckedBy checkedBy) {

        static View of(InstitutionRequirements.Entry e) {
            return new View(e.institution(), e.requirement().kind(), e.requirement().validForWholeStay(), e.requirement().checkedBy());
        }
    }

    @Schema(name = "InstitutionRequirementDraft", description = "Whether the paper must be valid for the whole stay (default: "
            + "true for insurances and a visa) and whose coordinator checks it (default RECEIVING)")
    public record Draft(@Schema(example = "true") Boolean validForWholeStay, @Schema(example = "RECEIVING") Requirement.CheckedBy checkedBy) {
    }

    @Inject
    InstitutionRequirements requirements;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "What institutions ask of every mobility they receive", description = "By institution, then kind.")
    @APIResponse(responseCode = "200", description = "The requirements")
    public List<View> list(@QueryParam("institution") @Size(max = 100) @Parameter(example = "sjtu.edu.cn") String institution) {
        return requirements.list(institution).stream().map(View::of).toList();
    }

    @PUT
    @Path("/{institution}/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Ask a paper of every mobility an institution receives",
            description = "By the international office, or a coordinator of that institution. Added to (or changed in) the "
                    + "checklist of every open mobility it receives, at once.")
    @APIResponse(responseCode = "200", description = "The requirement")
    @APIResponse(responseCode = "403", description = "Another institution's requirements (urn:passerelle:problem:forbidden)")
    public View set(@PathParam("institution") @Size(max = 100) @Pattern(regexp = "[a-z0-9.-]+") String institution,
                    @PathParam("kind") RequirementKind kind, @Valid @NotNull Draft draft) {
        var requirement = new Requirement(kind.name(),
                draft.validForWholeStay() == null ? kind.wholeStayByDefault() : draft.validForWholeStay(),
                draft.checkedBy() == null ? Requirement.CheckedBy.RECEIVING : draft.checkedBy());
        return View.of(requirements.set(caller.actingFor(), institution, requirement));
    }

    @DELETE
    @Path("/{institution}/{kind}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "No longer ask this paper of every mobility an institution receives",
            description = "Removed from the checklists of its open mobilities, unless a session's item asks for it too.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Another institution's requirements (urn:passerelle:problem:forbidden)")
    @APIResponse(responseCode = "404", description = "The institution does not ask this paper (urn:passerelle:problem:not-found)")
    public void remove(@PathParam("institution") @Size(max = 100) @Pattern(regexp = "[a-z0-9.-]+") String institution,
                       @PathParam("kind") RequirementKind kind) {
        requirements.remove(caller.actingFor(), institution, kind.name());
    }
}
