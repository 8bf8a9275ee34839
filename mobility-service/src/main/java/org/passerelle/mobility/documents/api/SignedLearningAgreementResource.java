package org.passerelle.mobility.documents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.passerelle.mobility.documents.DocumentContents;
import org.passerelle.mobility.documents.Documents;
import org.passerelle.mobility.documents.SignedLearningAgreements;
import org.passerelle.runtime.privacy.AuditedRead;

import java.util.UUID;

@Path("/api/mobilities/{id}/learning-agreement/versions/{number}/signed-copy")
@Tag(name = "Learning agreements")
public class SignedLearningAgreementResource {

    private static final String SIGNED_COPY_EXAMPLE = """
            {"id": "7a1c3e5f-2b4d-4f6a-8c0e-1d3f5a7b9c2e", "requirement": "SIGNED_LEARNING_AGREEMENT", "version": 1, "current": true,
             "fileName": "contrat-pedagogique-signe.pdf", "mediaType": "application/pdf", "sizeBytes": 245760,
             "sha256": "8a1d2c3b4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", "validFrom": null, "validUntil": null,
             "status": "SUBMITTED", "reason": null, "uploadedAt": "2027-03-05T10:00:00Z", "reviewedAt": null,
             "signedContentHash": "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e"}""";

    @Inject
    SignedLearningAgreements signed;

    @Inject
    Documents documents;

    @Inject
    DocumentContents contents;

    @Inject
    Callers callers;

    /** The form of a signed copy, as OpenAPI shows it. */
    @Schema(name = "SignedLearningAgreementUpload")
    public record UploadForm(
            @Schema(required = true, description = "The content hash of the version the copy signs (the version's contentHash)",
                    example = "3c9f0e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e") String contentHash,
            @Schema(required = true, type = SchemaType.STRING, format = "binary",
                    description = "A PDF (read from the content), at most 10 MiB; a plain file name, at most 255 characters") String file) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Attach the signed copy (a PDF) of a learning agreement version",
            description = "multipart/form-data with the content hash of the version (GET .../learning-agreement/versions) and "
                    + "the PDF. The copy is bound to that hash: a hash that is not the version's is refused. Kept as a document "
                    + "of the mobility (requirement SIGNED_LEARNING_AGREEMENT, signedContentHash set, listed by GET "
                    + ".../documents); a new copy of the same version replaces it (the history stays). By the student, a "
                    + "coordinator of either side or the international office, while the mobility is NOMINATED, ACCEPTED or "
                    + "IN_PROGRESS. Publishes SignedLearningAgreementAttached. A refused upload stores nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "The signed copy, at the address of its content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "signed copy", value = SIGNED_COPY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No content hash or file, an empty file, a file name with a folder or "
            + "longer than 255 characters (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No such mobility or version for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The hash is not the version's (urn:passerelle:problem:signed-copy-mismatch), "
            + "or the mobility is rejected, cancelled or completed (urn:passerelle:problem:mobility-status)")
    @APIResponse(responseCode = "413", description = "The file is larger than 10 MiB (urn:passerelle:problem:document-too-large)")
    @APIResponse(responseCode = "415", description = "The content is not a PDF, whatever its name (urn:passerelle:problem:document-type)")
    public Response attach(@PathParam("id") UUID id, @PathParam("number") int number, @RestForm("contentHash") String contentHash,
                           @RestForm("file") FileUpload file, @Context UriInfo uri) {
        var copy = new SignedLearningAgreements.SignedCopy(contentHash, file == null ? null : file.fileName(),
                file == null ? null : file.uploadedFile());
        var document = signed.attach(id, number, callers.current(), copy);
        return Response.created(uri.getBaseUriBuilder().path("api/mobilities").path(id.toString()).path("documents")
                        .path(document.id.toString()).path("content").build())
                .type(MediaType.APPLICATION_JSON).entity(DocumentView.of(document)).build();
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Download the signed copy of a learning agreement version",
            description = "The latest copy attached to the version, streamed; ETag is its SHA-256. By the student, the "
                    + "coordinators of both sides and the international office; each read is audited.")
    @APIResponse(responseCode = "200", description = "The signed copy",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such mobility or version for you, or no signed copy of it "
            + "(urn:passerelle:problem:not-found)")
    @AuditedRead("GET /api/mobilities/{id}/learning-agreement/versions/{number}/signed-copy")
    public Response download(@PathParam("id") UUID id,
                             @PathParam("number") @Parameter(description = "The version's number (GET .../learning-agreement/versions)",
                                     examples = @ExampleObject(name = "first version", value = "1")) int number) {
        var document = signed.of(id, number, callers.current());
        return DocumentDownload.response(document, documents.personOf(id), contents);
    }
}
