package org.passerelle.mobility.documents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.documents.AgreementRequirements;
import org.passerelle.mobility.documents.Requirement;
import org.passerelle.mobility.documents.RequirementKind;
import org.passerelle.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

@Path("/api/mobilities/agreements/{agreementId}/requirements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class AgreementRequirementResource {

    @Schema(name = "AgreementRequirement", description = "A paper an agreement asks of every mobility under it, in both directions")
    public record View(UUID agreementId, @Schema(example = "LIABILITY_INSURANCE") String kind, boolean validForWholeStay,
                       @Schema(example = "SENDING") Requirement.CheckedBy checkedBy) {

        static View of(UUID agreementId, Requirement r) {
            return new View(agreementId, r.kind(), r.validForWholeStay(), r.checkedBy());
        }
    }

    @Inject
    AgreementRequirements requirements;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "What an agreement asks of every mobility under it", description = "By kind. For both parties of the "
            + "agreement and the international office.")
    @APIResponse(responseCode = "200", description = "The requirements")
    @APIResponse(responseCode = "404", description = "No agreement with this id that the caller's institution is party to "
            + "(urn:passerelle:problem:not-found)")
    public List<View> list(@PathParam("agreementId") UUID agreementId) {
        return requirements.list(caller.actingFor(), agreementId).stream().map(r -> View.of(agreementId, r)).toList();
    }

    @PUT
    @Path("/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Ask a paper of every mobility under an agreement",
            description = "By the international office, or a coordinator of one of its parties. Added to (or changed in) the "
                    + "checklist of every open mobility of the agreement, whichever way it goes, at once. Defaults as for an "
                    + "institution's requirement: valid for the whole stay for insurances and a visa, checked by the receiving side.")
    @APIResponse(responseCode = "200", description = "The requirement")
    @APIResponse(responseCode = "404", description = "No agreement with this id that the caller's institution is party to "
            + "(urn:passerelle:problem:not-found)")
    public View set(@PathParam("agreementId") UUID agreementId, @PathParam("kind") RequirementKind kind,
                    @Valid @NotNull InstitutionRequirementResource.Draft draft) {
        var requirement = new Requirement(kind.name(),
                draft.validForWholeStay() == null ? kind.wholeStayByDefault() : draft.validForWholeStay(),
                draft.checkedBy() == null ? Requirement.CheckedBy.RECEIVING : draft.checkedBy());
        return View.of(agreementId, requirements.set(caller.actingFor(), agreementId, requirement));
    }

    @DELETE
    @Path("/{kind}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "No longer ask this paper of every mobility under an agreement",
            description = "Removed from the checklists of its open mobilities, unless a session's item or the receiving "
                    + "institution asks for it too.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such agreement for the caller, or it does not ask this paper "
            + "(urn:passerelle:problem:not-found)")
    public void remove(@PathParam("agreementId") UUID agreementId, @PathParam("kind") RequirementKind kind) {
        requirements.remove(caller.actingFor(), agreementId, kind.name());
    }
}
