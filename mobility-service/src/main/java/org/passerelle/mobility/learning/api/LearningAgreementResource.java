package org.passerelle.mobility.learning.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.learning.LearningAgreement;
import org.passerelle.mobility.learning.LearningAgreementService;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

@Path("/api/mobilities/{id}/learning-agreement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning agreements")
public class LearningAgreementResource {

    private static final String PROPOSAL_EXAMPLE = """
            {"components": [
              {"sessionId": "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56", "title": "Stage clinique en cardiologie – 心内科临床实习",
               "chineseCredits": 4, "ectsPerChineseCredit": 1.5},
              {"sessionId": "0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13", "title": "Anatomie médicale – 医学解剖学",
               "ects": 4.5, "chineseCredits": 3, "ectsPerChineseCredit": 1.5}
            ]}""";
    private static final String AGREEMENT_EXAMPLE = """
            {"mobilityId": "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64",
             "inForce": null,
             "pending": {"number": 1, "status": "PROPOSED",
               "contentHash": "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e",
               "components": [
                 {"sessionId": "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56", "title": "Stage clinique en cardiologie – 心内科临床实习",
                  "ects": 6.0, "chineseCredits": 4.0, "ectsPerChineseCredit": 1.5, "given": "CHINESE_CREDITS", "conversionRuleId": null}],
               "totalEcts": 6.0, "totalChineseCredits": 4.0,
               "proposedBy": "4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f", "proposedAt": "2027-03-02T08:15:00Z",
               "approvals": [{"party": "STUDENT", "approvedBy": "4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f", "approvedAs": "student",
                              "approvedAt": "2027-03-02T08:16:00Z"}],
               "awaiting": ["SENDING_COORDINATOR", "RECEIVING_COORDINATOR"],
               "inForceFrom": null, "endedAt": null}}""";
    private static final String APPROVAL_EXAMPLE = """
            {"contentHash": "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e"}""";
    private static final String VERSIONS_EXAMPLE = """
            [{"number": 1, "status": "SUPERSEDED", "contentHash": "8a1d…", "components": [], "totalEcts": 6.0,
              "totalChineseCredits": 4.0, "proposedBy": "4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f", "proposedAt": "2027-03-02T08:15:00Z",
              "approvals": [], "awaiting": [], "inForceFrom": "2027-03-04T10:00:00Z", "endedAt": "2027-04-20T09:30:00Z"},
             {"number": 2, "status": "WITHDRAWN", "contentHash": "5e07…", "components": [], "totalEcts": 10.5,
              "totalChineseCredits": 7.0, "proposedBy": "4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f", "proposedAt": "2027-04-18T07:00:00Z",
              "approvals": [], "awaiting": ["STUDENT", "SENDING_COORDINATOR", "RECEIVING_COORDINATOR"], "inForceFrom": null,
              "endedAt": "2027-04-19T16:45:00Z"},
             {"number": 3, "status": "APPROVED", "contentHash": "3c9f…", "components": [], "totalEcts": 10.5,
              "totalChineseCredits": 7.0, "proposedBy": "a6c1e0f2-7b3d-4d9e-9f1a-5c2b8e4d0f37", "proposedAt": "2027-04-19T16:45:00Z",
              "approvals": [], "awaiting": [], "inForceFrom": "2027-04-20T09:30:00Z", "endedAt": null}]""";
    private static final String STALE_EXAMPLE = """
            {"type": "urn:passerelle:problem:learning-agreement-stale-approval", "title": "The proposal changed", "status": 409,
             "detail": "You approved content that is no longer the pending proposal: read it again and approve version 2, content hash 3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e.",
             "instance": "/api/mobilities/9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64/learning-agreement/approvals"}""";
    private static final String CREDITS_EXAMPLE = """
            {"type": "urn:passerelle:problem:validation", "title": "Invalid request", "status": 400, "detail": "1 field is invalid.",
             "instance": "/api/mobilities/9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64/learning-agreement/proposals",
             "errors": [{"field": "components[0].ects", "reason": "must be 6.0 by the rule (1 Chinese credit = 1.5 ECTS), or left out to be converted"}]}""";

    @Inject
    LearningAgreementService service;

    @Inject
    IdempotentCreations creations;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Get the learning agreement of a mobility",
            description = "The version in force (approved by the student, the sending and the receiving coordinator) and the "
                    + "proposal waiting for approval, with its content hash and who approved it. Whoever sees the mobility sees "
                    + "its learning agreement. The ETag is the learning agreement's: send it as If-Match with a proposal.")
    @APIResponse(responseCode = "200", description = "The learning agreement (both null before a first proposal)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearningAgreementView.class),
                    examples = @ExampleObject(name = "a proposal approved by the student", value = AGREEMENT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        return answer(Response.ok(), service.find(id, caller()));
    }

    @POST
    @Path("/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Propose a new version of the learning agreement",
            description = "By the student, a coordinator (or integration client) of either side, or the international office, "
                    + "while the mobility is NOMINATED, ACCEPTED or IN_PROGRESS. The whole list of components; credits in both "
                    + "schemes, the missing one converted by ectsPerChineseCredit. A proposal still pending is withdrawn (it stays "
                    + "in the history). Proposing is not approving: each party, the proposer included, then approves the "
                    + "contentHash. Send If-Match with the learning agreement's ETag (\"0\" before the first proposal); an "
                    + "Idempotency-Key makes a retried request propose once. LearningAgreementProposed is published, naming the "
                    + "parties whose approval the version awaits.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LearningAgreementRequests.Proposal.class),
            examples = @ExampleObject(name = "a clinical internship and a basic course", value = PROPOSAL_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The learning agreement with the new proposal pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearningAgreementView.class),
                    examples = @ExampleObject(name = "proposed", value = AGREEMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A component is invalid: credits not positive or with more than one "
            + "decimal, amounts that disagree with the rule, a session twice, no component (urn:passerelle:problem:validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "credits that disagree with the rule", value = CREDITS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The mobility is over or called off (urn:passerelle:problem:learning-agreement-closed), "
            + "or the content is the version in force's or the pending proposal's (urn:passerelle:problem:learning-agreement-unchanged)")
    public Response propose(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request proposes once",
                                    example = "lyon1-la-2027-0042-v2") String idempotencyKey,
                            @Valid @NotNull LearningAgreementRequests.Proposal proposal, @Context UriInfo uri) {
        long expected = Versions.required(ifMatch);
        var caller = caller();
        return creations.create(caller.subject(), idempotencyKey, new Replayable(id, proposal), () -> {
            var agreement = service.propose(id, expected, caller, proposal.drafts());
            return new IdempotentCreations.Created(uri.getBaseUriBuilder().path("api/mobilities/{id}/learning-agreement").build(id),
                    LearningAgreementView.of(agreement), Long.toString(agreement.revision));
        });
    }

    /** What an Idempotency-Key stands for: the same proposal for the same mobility. */
    record Replayable(UUID mobilityId, LearningAgreementRequests.Proposal proposal) {
    }

    @POST
    @Path("/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Approve the pending proposal",
            description = "Named by its content hash, which is this request's precondition (no If-Match needed: parties "
                    + "approving at the same time all count). The token decides the party: a student approves as STUDENT, "
                    + "a coordinator or integration client as the side of their institution (SENDING_COORDINATOR or "
                    + "RECEIVING_COORDINATOR). The international office (admin) names the coordinator side it approves for "
                    + "in party; it never approves for the student. Approving twice changes nothing. When all three approved "
                    + "the same hash, the proposal is APPROVED (in force), the version before it SUPERSEDED, and "
                    + "LearningAgreementApproved is published.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LearningAgreementRequests.Approval.class),
            examples = {@ExampleObject(name = "as the caller's party", value = APPROVAL_EXAMPLE),
                    @ExampleObject(name = "the international office for the receiving side", value = """
                            {"contentHash": "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e", "party": "RECEIVING_COORDINATOR"}""")}))
    @APIResponse(responseCode = "200", description = "The learning agreement after the approval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearningAgreementView.class),
                    examples = @ExampleObject(name = "approved by the student", value = AGREEMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No contentHash; or party missing for admin, or not the caller's own "
            + "(urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The hash is not the pending proposal's: the detail names the current one "
            + "(urn:passerelle:problem:learning-agreement-stale-approval); nothing is pending "
            + "(urn:passerelle:problem:learning-agreement-no-proposal); the mobility is over or called off "
            + "(urn:passerelle:problem:learning-agreement-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    public Response approve(@PathParam("id") UUID id, @Valid @NotNull LearningAgreementRequests.Approval approval) {
        return answer(Response.ok(), service.approve(id, caller(), approval.contentHash(), approval.party()));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "The history of the learning agreement: every version",
            description = "Oldest first: each proposal with its components, content hash, approvals and status (PROPOSED, "
                    + "APPROVED in force, SUPERSEDED by a later approved version, WITHDRAWN by a later proposal).")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LearningAgreementView.Version.class),
                    examples = @ExampleObject(name = "approved, withdrawn, approved (components left out)", value = VERSIONS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    public List<LearningAgreementView.Version> versions(@PathParam("id") UUID id) {
        return service.find(id, caller()).versions.stream().map(LearningAgreementView.Version::of).toList();
    }

    private static Response answer(Response.ResponseBuilder response, LearningAgreement agreement) {
        return response.entity(LearningAgreementView.of(agreement)).tag(Versions.etag(agreement.revision)).build();
    }

    /**
     * The caller as the token says: staff act for the institution of their token, the international office (admin)
     * for all, a student for the mobilities of their email.
     */
    private LearningAgreementService.Caller caller() {
        boolean admin = caller.isInternationalOffice();
        boolean staff = caller.hasRole("coordinator") || caller.hasRole("integration");
        String role = admin ? "admin" : caller.hasRole("coordinator") ? "coordinator" : staff ? "integration" : "student";
        String studentEmail = admin || staff ? null : caller.email();
        String subject = caller.subject() != null ? caller.subject() : identity.getPrincipal().getName();
        return new LearningAgreementService.Caller(subject, role, caller.actingFor(), studentEmail);
    }
}
