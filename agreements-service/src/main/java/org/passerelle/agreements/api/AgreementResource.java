package org.passerelle.agreements.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementService;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.text.LocalizedText;

import java.util.UUID;

@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementResource {

    @Inject
    AgreementRepository agreements;

    @Inject
    AgreementService service;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotentCreations creations;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "List agreements",
            description = "Newest first. Filter by status, kind, party (SCHAC code) and an academic year the agreement covers.")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public Page<AgreementSummary> list(@BeanParam @Valid PageRequest page,
                                       @QueryParam("status") AgreementStatus status,
                                       @QueryParam("kind") AgreementKind kind,
                                       @QueryParam("party") @Parameter(example = "univ-lyon1.fr") @Size(max = 100) String party,
                                       @QueryParam("academicYear") @Parameter(example = "2026/2027")
                                       @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
                                       String academicYear) {
        return agreements.list(new AgreementRepository.Filter(status, kind, party, academicYear), page)
                .map(AgreementSummary::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Draft an agreement", description = "A draft may be edited until it is proposed to the parties.")
    @APIResponse(responseCode = "201", description = "The draft, at its Location; a retry with the same Idempotency-Key "
            + "answers the same, with Idempotency-Replayed: true")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response draft(@Valid @NotNull AgreementRequests.Draft draft,
                          @HeaderParam("Idempotency-Key") @Parameter(description = "A key of the caller's choosing, so that "
                                  + "a retried request never creates twice", example = "lyon1-2026-draft-001") String idempotencyKey,
                          @jakarta.ws.rs.core.Context UriInfo uri) {
        return creations.create(token.getSubject(), idempotencyKey, draft, () -> {
            var agreement = service.draft(actingFor(), draft.kind(), title(draft), draft.parties(), draft.firstAcademicYear(),
                    draft.lastAcademicYear(), draft.toConditions());
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(agreement.id.toString()).build(),
                    AgreementView.of(agreement), Long.toString(agreement.version));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Revise a draft", description = "Send If-Match with the ETag you read: a draft changed meanwhile is 412.")
    @APIResponse(responseCode = "200", description = "The revised draft, with its new ETag")
    @APIResponse(responseCode = "409", description = "No longer a draft (urn:passerelle:problem:agreement-status)")
    @APIResponse(responseCode = "412", description = "Changed since read (urn:passerelle:problem:precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match missing (urn:passerelle:problem:precondition-required)")
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull AgreementRequests.Draft draft) {
        long version = Versions.required(ifMatch);
        var agreement = service.revise(id, version, actingFor(), draft.kind(), title(draft), draft.parties(),
                draft.firstAcademicYear(), draft.lastAcademicYear(), draft.toConditions());
        return Response.ok(AgreementView.of(agreement)).tag(Versions.etag(agreement.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Delete an agreement that was never in force", description = "Drafts and proposals only; send If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It was in force: its history is kept (urn:passerelle:problem:agreement-status)")
    @APIResponse(responseCode = "412", description = "Changed since read (urn:passerelle:problem:precondition-failed)")
    @APIResponse(responseCode = "428", description = "If-Match missing (urn:passerelle:problem:precondition-required)")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        long version = Versions.required(ifMatch);
        service.delete(id, version, actingFor());
    }

    /** The caller's institution from the token; null for the SJTUSM international office (admin), which acts for all. */
    private String actingFor() {
        return identity.hasRole("admin") ? null : String.valueOf((Object) token.getClaim("institution"));
    }

    private static LocalizedText title(AgreementRequests.Draft draft) {
        return LocalizedText.of(draft.title().fr(), draft.title().en(), draft.title().zh());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Get one agreement, with its parties and what each approved")
    @APIResponse(responseCode = "200", description = "The agreement")
    @APIResponse(responseCode = "404", description = "No agreement has this id (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var agreement = service.find(id);
        return Response.ok(AgreementView.of(agreement)).tag(Versions.etag(agreement.version)).build();
    }

    @POST
    @Path("/{id}/proposal")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Propose the draft to its parties", description = "Fixes the content and its hash; each party then approves it.")
    @APIResponse(responseCode = "200", description = "The proposed agreement, with the content hash to approve")
    @APIResponse(responseCode = "409", description = "Not a draft (urn:passerelle:problem:agreement-status)")
    public AgreementView propose(@PathParam("id") UUID id) {
        return AgreementView.of(service.propose(id));
    }

    @POST
    @Path("/{id}/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Approve the proposed content for the caller's institution",
            description = "The institution is the token's. When every party approved the same content the agreement is ACTIVE "
                    + "and AgreementActivated is published.")
    @APIResponse(responseCode = "200", description = "The agreement after the approval")
    @APIResponse(responseCode = "403", description = "The caller's institution is not a party (urn:passerelle:problem:not-a-party)")
    @APIResponse(responseCode = "409", description = "The hash is not the current content's: the detail names the current one "
            + "(urn:passerelle:problem:stale-approval); or the agreement is not proposed (urn:passerelle:problem:agreement-status)")
    public AgreementView approve(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Approval approval) {
        String institution = String.valueOf((Object) token.getClaim("institution"));
        return AgreementView.of(service.approve(id, institution, approval.contentHash()));
    }

    @POST
    @Path("/{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Suspend an active agreement", description = "No new nomination counts against it until resumed. Publishes AgreementSuspended.")
    @APIResponse(responseCode = "200", description = "The suspended agreement")
    @APIResponse(responseCode = "409", description = "Not active (urn:passerelle:problem:agreement-status)")
    public AgreementView suspend(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Termination suspension) {
        return AgreementView.of(service.suspend(id, suspension.reason()));
    }

    @POST
    @Path("/{id}/resumption")
    @RolesAllowed("admin")
    @Operation(summary = "Resume a suspended agreement", description = "Publishes AgreementResumed.")
    @APIResponse(responseCode = "200", description = "The agreement, active again")
    @APIResponse(responseCode = "409", description = "Not suspended (urn:passerelle:problem:agreement-status)")
    public AgreementView resume(@PathParam("id") UUID id) {
        return AgreementView.of(service.resume(id));
    }

    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Terminate an active or suspended agreement", description = "Publishes AgreementTerminated.")
    @APIResponse(responseCode = "200", description = "The terminated agreement")
    @APIResponse(responseCode = "409", description = "Not active or suspended (urn:passerelle:problem:agreement-status)")
    public AgreementView terminate(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Termination termination) {
        return AgreementView.of(service.terminate(id, termination.reason()));
    }
}
