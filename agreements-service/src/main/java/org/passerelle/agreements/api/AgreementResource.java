package org.passerelle.agreements.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.agreements.Agreement;
import org.passerelle.agreements.AgreementHistory;
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.MobilityType;
import org.passerelle.agreements.VersionChanges;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementService;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.security.Caller;

import java.util.List;
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
    Caller caller;

    @Inject
    IdempotentCreations creations;

    @Inject
    AgreementHistory history;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "List agreements",
            description = "Newest first. Filter by status, kind, party (SCHAC code), an academic year the agreement covers, "
                    + "a mobility type one of its conditions is for, and a text its title contains in French, English or "
                    + "Chinese (accents and case do not matter). A coordinator or integration client sees the agreements "
                    + "its institution is party to; the international office sees all.")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public Page<AgreementSummary> list(@BeanParam @Valid PageRequest page,
                                       @QueryParam("status") AgreementStatus status,
                                       @QueryParam("kind") AgreementKind kind,
                                       @QueryParam("party") @Parameter(example = "univ-lyon1.fr") @Size(max = 100) String party,
                                       @QueryParam("academicYear") @Parameter(example = "2026/2027")
                                       @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
                                       String academicYear,
                                       @QueryParam("mobilityType") MobilityType mobilityType,
                                       @QueryParam("text") @Parameter(example = "lyon") @Size(max = 200) String text) {
        return agreements.list(new AgreementRepository.Filter(caller.actingFor(), status, kind, party, academicYear, mobilityType, text), page)
                .map(AgreementSummary::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Draft an agreement", description = "A draft may be edited until it is proposed to the parties.")
    @APIResponse(responseCode = "201", description = "The draft, at its Location; a retry with the same Idempotency-Key "
            + "answers the same, with Idempotency-Replayed: true",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response draft(@Valid @NotNull AgreementRequests.Draft draft,
                          @HeaderParam("Idempotency-Key") @Parameter(description = "A key of the caller's choosing, so that "
                                  + "a retried request never creates twice", example = "lyon1-2026-draft-001") String idempotencyKey,
                          @jakarta.ws.rs.core.Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, draft, () -> {
            var agreement = service.draft(caller.actingFor(), draft.toContent());
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(agreement.id.toString()).build(),
                    AgreementView.of(agreement), Long.toString(agreement.version));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Revise a draft", description = "Send If-Match with the ETag you read: a draft changed meanwhile is 412.")
    @APIResponse(responseCode = "200", description = "The revised draft, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "No longer a draft (urn:passerelle:problem:agreement-status)")
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull AgreementRequests.Draft draft) {
        long version = Versions.required(ifMatch);
        return answer(service.revise(id, version, caller.actingFor(), draft.toContent()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Delete an agreement that was never in force", description = "Drafts and proposals only; send If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It was in force: its history is kept (urn:passerelle:problem:agreement-status)")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        long version = Versions.required(ifMatch);
        service.delete(id, version, caller.actingFor());
    }


    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Get one agreement: the version in force (or the draft) and the amendment waiting for approval",
            description = "The ETag names what you read: send it as If-Match with any change.")
    @APIResponse(responseCode = "200", description = "The agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "No agreement has this id, or your institution is not party to it "
            + "(urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        return answer(service.find(id, caller.actingFor()));
    }

    @POST
    @Path("/{id}/proposal")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Propose the draft to its parties",
            description = "Fixes the content and its hash; each party then approves it. Publishes AgreementProposed.")
    @APIResponse(responseCode = "200", description = "The proposed agreement, with the content hash to approve",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft (urn:passerelle:problem:agreement-status)")
    public Response propose(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return answer(service.propose(id, Versions.required(ifMatch), caller.actingFor()));
    }

    @POST
    @Path("/{id}/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Approve the proposed version for the caller's institution",
            description = "Approves the proposal of a new agreement or the proposed amendment of an active one, named by "
                    + "its content hash; the institution is the token's. The hash is this request's precondition, so "
                    + "If-Match is not needed: two parties approving at the same time both succeed. Publishes "
                    + "AgreementApproved; when every party approved the same content, AgreementActivated (a new "
                    + "agreement) or AgreementAmended (an amendment, now in force).")
    @APIResponse(responseCode = "200", description = "The agreement after the approval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "404", description = "Your institution is not party to it (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The hash is not the current proposal's: the detail names the current one "
            + "(urn:passerelle:problem:stale-approval); or nothing is proposed (urn:passerelle:problem:agreement-status)")
    public Response approve(@PathParam("id") UUID id, @Valid @NotNull AgreementRequests.Approval approval) {
        // the international office approves as its own institution too, not for all
        return answer(service.approve(id, caller.ownInstitution(), approval.contentHash()));
    }

    @POST
    @Path("/{id}/amendment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Start an amendment of an active agreement",
            description = "The whole content of the new version: more places, longer durations, new mobility types, a "
                    + "later last year. Send a condition that changes with its id; a condition without id is new; a "
                    + "condition left out is removed. The parties stay the same. The version in force stays in force "
                    + "until every party approved the amendment. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The agreement with its amendment (status DRAFT)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, a condition id is not the agreement's, or the "
            + "parties differ (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "409", description = "Not active (urn:passerelle:problem:agreement-status), or an amendment "
            + "is already pending (urn:passerelle:problem:amendment-pending)")
    public Response amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull AgreementRequests.Draft amendment) {
        long version = Versions.required(ifMatch);
        return answer(service.amend(id, version, caller.actingFor(), amendment.toContent()));
    }

    @PUT
    @Path("/{id}/amendment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Revise the amendment until it is proposed", description = "Send If-Match.")
    @APIResponse(responseCode = "200", description = "The agreement with its revised amendment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "No amendment (urn:passerelle:problem:no-amendment), or it is "
            + "already proposed (urn:passerelle:problem:agreement-status)")
    public Response reviseAmendment(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull AgreementRequests.Draft amendment) {
        long version = Versions.required(ifMatch);
        return answer(service.reviseAmendment(id, version, caller.actingFor(), amendment.toContent()));
    }

    @DELETE
    @Path("/{id}/amendment")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Withdraw the amendment", description = "Proposed or not; the version in force is untouched. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The agreement without amendment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "No amendment (urn:passerelle:problem:no-amendment)")
    public Response withdrawAmendment(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return answer(service.withdrawAmendment(id, Versions.required(ifMatch), caller.actingFor()));
    }

    @POST
    @Path("/{id}/amendment/proposal")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Propose the amendment to the parties",
            description = "Fixes its content and hash; each party then approves it at /approvals. Publishes AgreementProposed. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The agreement with its amendment PROPOSED and the hash to approve",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "No amendment (urn:passerelle:problem:no-amendment), or it is "
            + "already proposed (urn:passerelle:problem:agreement-status)")
    public Response proposeAmendment(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return answer(service.proposeAmendment(id, Versions.required(ifMatch), caller.actingFor()));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The history of the agreement: every version",
            description = "Oldest first: the versions that were in force (SUPERSEDED), the one in force (IN_FORCE), and the "
                    + "one waiting for approval (DRAFT or PROPOSED), each with its content and who approved it when.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such agreement for you (urn:passerelle:problem:not-found)")
    public List<VersionView> versions(@PathParam("id") UUID id) {
        return history.versions(id, caller.actingFor()).stream().map(VersionView::of).toList();
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "What changed between two versions",
            description = "The fields of the agreement that differ, and the conditions added, removed or changed with the "
                    + "fields that differ (conditions are matched by id). By default, from the version before the last "
                    + "to the last: for an agreement with an amendment, what the amendment changes.")
    @APIResponse(responseCode = "200", description = "The differences")
    @APIResponse(responseCode = "404", description = "No such agreement for you (urn:passerelle:problem:not-found), or no "
            + "such version (urn:passerelle:problem:no-such-version)")
    public VersionChanges changes(@PathParam("id") UUID id,
                                  @QueryParam("from") @Parameter(description = "Version number", example = "1") @Min(1) Integer from,
                                  @QueryParam("to") @Parameter(description = "Version number", example = "2") @Min(1) Integer to) {
        return history.changes(id, caller.actingFor(), from, to);
    }

    @POST
    @Path("/{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Suspend an active agreement",
            description = "No new nomination counts against it until resumed. Publishes AgreementSuspended. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The suspended agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "Not active (urn:passerelle:problem:agreement-status)")
    public Response suspend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull AgreementRequests.Termination suspension) {
        long version = Versions.required(ifMatch);
        return answer(service.suspend(id, version, suspension.reason()));
    }

    @POST
    @Path("/{id}/resumption")
    @RolesAllowed("admin")
    @Operation(summary = "Resume a suspended agreement", description = "Publishes AgreementResumed. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The agreement, active again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "Not suspended (urn:passerelle:problem:agreement-status)")
    public Response resume(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return answer(service.resume(id, Versions.required(ifMatch)));
    }

    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Terminate an active or suspended agreement", description = "Publishes AgreementTerminated. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The terminated agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = "Not active or suspended (urn:passerelle:problem:agreement-status)")
    public Response terminate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull AgreementRequests.Termination termination) {
        long version = Versions.required(ifMatch);
        return answer(service.terminate(id, version, termination.reason()));
    }

    /** The agreement with its ETag, which the next change names in If-Match. */
    private static Response answer(Agreement agreement) {
        return Response.ok(AgreementView.of(agreement)).tag(Versions.etag(agreement.version)).build();
    }
}
