package org.passerelle.curriculum.ewp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.curriculum.records.Records;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.UUID;

/**
 * Transcripts of records in the form Erasmus Without Paper uses (Incoming Mobility ToRs API v2, EMREX ELMO v1), for
 * the partners' own systems. Data exchange in EWP's formats only: Passerelle is not a node of the EWP network
 * (docs/interop/ewp.md).
 */
@Path("/api/ewp/imobility-tors")
@Produces(MediaType.APPLICATION_XML)
@Tag(name = "EWP interoperability")
public class EwpTranscriptResource {

    @Inject
    EwpTranscripts transcripts;

    @Inject
    Caller caller;

    @GET
    @Path("/{mobilityId}")
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "A mobility's transcript of records as an EWP IMobility ToRs API v2 get response with EMREX ELMO",
            description = "An imobility-tors-get-response with one tor (omobility-id and an ELMO v1 document), valid against "
                    + "the official schemas (imobility-tors v2.0.0, elmo-schemas v1.7.0): the issuing institution, one course "
                    + "per result with its grade, passed or failed, the date it was assessed and the credits earned in ECTS and "
                    + "in Chinese credits, and the grading scale described. The version in force (the last correction). For "
                    + "the staff of either side, the international office and the student.")
    @APIResponse(responseCode = "200", description = "The get response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No transcript of this mobility for you (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("mobilityId") UUID mobilityId) {
        return Response.ok(transcripts.transcript(mobilityId, viewer()), MediaType.APPLICATION_XML).build();
    }

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The EWP IMobility ToRs API v2 index: transcripts issued or corrected since a moment",
            description = "An imobility-tors-index-response with the mobility ids whose transcript your institution issued or "
                    + "receives (all for the international office), issued or corrected after modified_since (all without it), "
                    + "oldest first.")
    @APIResponse(responseCode = "200", description = "The index response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    public Response index(@QueryParam("modified_since") @Parameter(description = "ISO-8601 instant", example = "2026-01-01T00:00:00Z")
                          Instant modifiedSince) {
        return Response.ok(transcripts.index(caller.actingFor(), modifiedSince), MediaType.APPLICATION_XML).build();
    }

    /** As the transcripts' own resource: staff see their institution's mobilities, a student their own. */
    private Records.Viewer viewer() {
        boolean staff = caller.isInternationalOffice() || caller.hasRole("coordinator") || caller.hasRole("integration");
        return new Records.Viewer(staff ? caller.actingFor() : Caller.NO_INSTITUTION, staff ? null : caller.email(), caller.subject());
    }
}
