package org.passerelle.mobility.ewp;

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
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.UUID;

/**
 * Mobilities and learning agreements in the formats of the Erasmus Without Paper Outgoing Mobilities API v2 and
 * Outgoing Mobility Learning Agreements API v1, for the partners' own systems. Data exchange in EWP's formats only:
 * Passerelle is not a node of the EWP network (docs/interop/ewp.md).
 */
@Path("/api/ewp/omobilities")
@Produces(MediaType.APPLICATION_XML)
@Tag(name = "EWP interoperability")
public class EwpMobilityResource {

    @Inject
    EwpMobilities ewp;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "One mobility as an EWP OMobilities API v2 get response",
            description = "An omobilities-get-response with one student-mobility, valid against the official get-response.xsd "
                    + "(tag v2.0.0): sending and receiving HEI, the academic year, the student (names, European Student "
                    + "Identifier from the INE or the SJTU student number, email), the status, the activity type and the planned "
                    + "dates. Outgoing and incoming mobilities alike (EWP describes each from its sending HEI). For the staff of "
                    + "either side and the international office.")
    @APIResponse(responseCode = "200", description = "The get response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "A staff mobility: EWP's omobilities are student mobilities "
            + "(urn:passerelle:problem:ewp-not-a-student-mobility); or the student has no global id "
            + "(urn:passerelle:problem:ewp-incomplete)")
    public Response get(@PathParam("id") UUID id) {
        return xml(ewp.omobility(id, caller.actingFor()));
    }

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The EWP OMobilities API v2 index: student mobilities changed since a moment",
            description = "An omobilities-index-response with the ids of the student mobilities your institution sends or "
                    + "receives (all for the international office), changed after modified_since (all without it), oldest change first.")
    @APIResponse(responseCode = "200", description = "The index response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    public Response index(@QueryParam("modified_since") @Parameter(description = "ISO-8601 instant", example = "2026-01-01T00:00:00Z")
                          Instant modifiedSince) {
        return xml(ewp.omobilitiesIndex(caller.actingFor(), modifiedSince));
    }

    @GET
    @Path("/las/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "A mobility's learning agreement as an EWP OMobility LAs API v1 get response",
            description = "An omobility-las-get-response, valid against the official get-response.xsd (tag v1.2.0): the first "
                    + "version signed by all three parties (first-version), the changes in force since (approved-changes) and the "
                    + "proposal the student and the sending side signed (changes-proposal, its id the content hash); each "
                    + "component a catalogue session with its ECTS and Chinese credits. Without an la element while nothing is "
                    + "signed yet. The contact persons and the language of instruction come from the institutions' settings "
                    + "(docs/interop/ewp.md).")
    @APIResponse(responseCode = "200", description = "The get response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "A staff mobility (urn:passerelle:problem:ewp-not-a-student-mobility); or "
            + "an institution's contact or language setting, or the student's global id, is missing, each named in errors "
            + "(urn:passerelle:problem:ewp-incomplete)")
    public Response learningAgreement(@PathParam("id") UUID id) {
        return xml(ewp.learningAgreement(id, caller.actingFor()));
    }

    @GET
    @Path("/las")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The EWP OMobility LAs API v1 index: learning agreements changed since a moment",
            description = "An omobility-las-index-response with the mobility ids of the learning agreements EWP can show "
                    + "(something signed), of your institution's student mobilities (all for the international office), changed "
                    + "after modified_since (all without it), oldest change first.")
    @APIResponse(responseCode = "200", description = "The index response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    public Response learningAgreementsIndex(@QueryParam("modified_since")
                                            @Parameter(description = "ISO-8601 instant", example = "2026-01-01T00:00:00Z")
                                            Instant modifiedSince) {
        return xml(ewp.learningAgreementsIndex(caller.actingFor(), modifiedSince));
    }

    private static Response xml(byte[] document) {
        return Response.ok(document, MediaType.APPLICATION_XML).build();
    }
}
