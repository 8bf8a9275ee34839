package org.passerelle.agreements.ewp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.agreements.VersionChanges;
import org.passerelle.runtime.problem.ProblemResponses;
import org.passerelle.runtime.security.Caller;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agreements in the formats of the Erasmus Without Paper IIAs API v7, for the partners' own systems: export by
 * agreement, the index of changes, and import of a partner's IIA as a draft. Data exchange in EWP's formats only:
 * Passerelle is not a node of the EWP network (docs/interop/ewp.md).
 */
@Path("/api/ewp/iias")
@Tag(name = "EWP interoperability")
public class EwpResource {

    @Inject
    EwpIias iias;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "One agreement as an EWP IIAs API v7 get response",
            description = "An iias-get-response with one iia, valid against the official get-response.xsd: the publishing "
                    + "partner first (SJTUSM, iia-id = the agreement's id), then the other party with its own iia-id when an "
                    + "import told it; one cooperation condition per Passerelle condition with places, by EWP kind; the "
                    + "iia-hash as the specification's XSLT computes it (not Passerelle's contentHash). For the parties only.")
    @APIResponse(responseCode = "200", description = "The get response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "More than two parties: an EWP IIA has two (urn:passerelle:problem:ewp-not-bilateral); "
            + "or a field EWP requires is missing, each named in errors (urn:passerelle:problem:ewp-incomplete)")
    public Response get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return Response.ok(iias.getResponse(id, caller.actingFor(), ProblemResponses.locale(headers)), MediaType.APPLICATION_XML).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The EWP IIAs API v7 index: agreements changed since a moment",
            description = "An iias-index-response with the ids of the bilateral agreements the caller's institution is party "
                    + "to (all for the international office), changed after modified_since (all without it), oldest change first.")
    @APIResponse(responseCode = "200", description = "The index response",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    public Response index(@QueryParam("modified_since") @Parameter(description = "ISO-8601 instant", example = "2026-01-01T00:00:00Z")
                          Instant modifiedSince) {
        return Response.ok(iias.indexResponse(caller.actingFor(), modifiedSince), MediaType.APPLICATION_XML).build();
    }

    @GET
    @Path("/{id}/source")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "The IIA file a draft was imported from, as received")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such agreement for you (urn:passerelle:problem:not-found), or it was "
            + "not imported (urn:passerelle:problem:ewp-no-source)")
    public Response source(@PathParam("id") UUID id) {
        return Response.ok(iias.source(id, caller.actingFor()), MediaType.APPLICATION_XML).build();
    }

    @POST
    @Path("/imports")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Import a partner's EWP IIAs API v7 get response as draft agreements, or amendments of those it names",
            description = "The file is checked first: no DOCTYPE (no entity, no external file), valid against the official "
                    + "get-response.xsd, each error with its line and column. Each iia becomes a DRAFT agreement with the "
                    + "partners' institutions resolved through identity's crosswalk (current or previous SCHAC code); the "
                    + "file is kept with the draft. The same file imported again changes nothing and answers 200 with the "
                    + "same drafts. A coordinator's institution must be party to each. An iia naming an agreement Passerelle has (the "
                    + "local HEI's iia-id is its id, as Passerelle's own export writes it, or the partner's iia-id is one an earlier "
                    + "import recorded) is no second draft: it becomes a proposed amendment of the active agreement (a revision of "
                    + "a draft), answered with what it changes; an agreement with an amendment pending refuses it "
                    + "(urn:passerelle:problem:amendment-pending).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "The drafts made, at the Location of the first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "200", description = "This file was imported before: its drafts, unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "Not well-formed or not valid against the schema, errors by line and column "
            + "(urn:passerelle:problem:ewp-invalid-xml); a DOCTYPE (urn:passerelle:problem:ewp-doctype); no iia "
            + "(urn:passerelle:problem:ewp-no-iia); an unknown institution, a blended or otherwise unhandled condition, by "
            + "field (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "Your institution would not be party to the draft (urn:passerelle:problem:not-a-party)")
    @APIResponse(responseCode = "409", description = "The agreement the file names has an amendment pending "
            + "(urn:passerelle:problem:amendment-pending), or is proposed, suspended or ended (urn:passerelle:problem:agreement-status)")
    public Response importFile(@NotNull byte[] file, @Context UriInfo uri) {
        var result = iias.importFile(file, caller.actingFor(), caller.subject());
        var view = ImportView.of(result);
        if (result.replayed()) {
            return Response.ok(view).build();
        }
        URI first = uri.getBaseUriBuilder().path("/api/agreements/{id}").build(result.drafts().get(0).agreementId());
        return Response.created(first).entity(view).build();
    }

    @Schema(name = "EwpImport", description = "The drafts made from an IIA file")
    public record ImportView(
            @Schema(description = "SHA-256 of the file: the same file is imported once") String fileSha256,
            @Schema(description = "True when this file was imported before and nothing changed") boolean replayed,
            List<Draft> drafts) {

        @Schema(name = "EwpImportedDraft")
        public record Draft(UUID agreementId,
                            @Schema(nullable = true, description = "The publishing partner's iia-id") String partnerIiaId,
                            @Schema(description = "The iia-hash the file carried") String iiaHash,
                            @Schema(description = "What of the IIA the draft does not keep, one sentence each (docs/interop/ewp.md)")
                            List<String> notKept,
                            @Schema(nullable = true, description = "When the file names an agreement Passerelle has: the version "
                                    + "its proposed amendment would be (1 for a draft it revised); null for a new draft, or when the file matches "
                                    + "the agreement as it is (then changes is empty and nothing was amended)")
                            Integer amendsVersion,
                            @Schema(nullable = true, description = "What the amendment (or revision) changes, as GET "
                                    + "/api/agreements/{id}/changes shows it; null for a new draft")
                            VersionChanges changes) {
        }

        static ImportView of(EwpIias.Import result) {
            return new ImportView(result.fileSha256(), result.replayed(), result.drafts().stream()
                    .map(d -> new Draft(d.agreementId(), d.partnerIiaId(), d.iiaHash(), d.notKept(), d.amendsVersion(), d.changes()))
                    .toList());
        }
    }
}
