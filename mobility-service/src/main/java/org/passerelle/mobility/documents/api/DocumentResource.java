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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.passerelle.mobility.api.MobilityRequests;
import org.passerelle.mobility.documents.DocumentContents;
import org.passerelle.mobility.documents.Documents;
import org.passerelle.runtime.privacy.AuditedRead;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/mobilities/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    @Inject
    Documents documents;

    @Inject
    DocumentContents contents;

    @Inject
    Callers callers;

    /** The form of an upload, as OpenAPI shows it. */
    @Schema(name = "DocumentUpload")
    public record UploadForm(
            @Schema(required = true, description = "The line of the checklist it is for", example = "HEALTH_INSURANCE") String requirement,
            @Schema(description = "First day the paper is valid", example = "2027-06-01") LocalDate validFrom,
            @Schema(description = "Last day the paper is valid (an insurance's end, a visa's expiry)", example = "2027-12-31") LocalDate validUntil,
            @Schema(required = true, type = SchemaType.STRING, format = "binary",
                    description = "PDF, JPEG or PNG (read from the content), at most 10 MiB; a plain file name (no folder), "
                            + "at most 255 characters") String file) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Hand in a document for a line of the checklist",
            description = "multipart/form-data with the requirement (a line of GET .../checklist), the validity the paper "
                    + "states and the file. The type is read from the content, never from the name or the declared type; "
                    + "the SHA-256 is recorded. A new upload for the same line is the next version and replaces the "
                    + "current one (the history stays, GET .../documents). By the student, a coordinator of either side "
                    + "or the international office, while the mobility is NOMINATED, ACCEPTED or IN_PROGRESS. Publishes "
                    + "DocumentSubmitted. A refused upload stores nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "The document, SUBMITTED, at the address of its content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "No requirement or file, an empty file, a file name with a folder or "
            + "longer than 255 characters, validUntil before validFrom (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The mobility is rejected, cancelled or completed (urn:passerelle:problem:mobility-status)")
    @APIResponse(responseCode = "413", description = "The file is larger than 10 MiB (urn:passerelle:problem:document-too-large), "
            + "or the whole request than the limit (urn:passerelle:problem:payload-too-large)")
    @APIResponse(responseCode = "415", description = "The content is not a PDF, a JPEG or a PNG, whatever its name "
            + "(urn:passerelle:problem:document-type)")
    @APIResponse(responseCode = "422", description = "The checklist has no such line (urn:passerelle:problem:not-on-checklist)")
    public Response upload(@PathParam("id") UUID id, @RestForm("requirement") String requirement,
                           @RestForm("validFrom") String validFrom, @RestForm("validUntil") String validUntil,
                           @RestForm("file") FileUpload file, @Context UriInfo uri) {
        var upload = new Documents.Upload(requirement, date("validFrom", validFrom), date("validUntil", validUntil),
                file == null ? null : file.fileName(), file == null ? null : file.uploadedFile());
        var document = documents.upload(id, callers.current(), upload);
        return Response.created(uri.getAbsolutePathBuilder().path(document.id.toString()).path("content").build())
                .entity(DocumentView.of(document)).build();
    }

    @GET
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Every document handed in for the mobility",
            description = "Every version, line by line, oldest first; current marks the one that meets its line.")
    @APIResponse(responseCode = "200", description = "The documents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    public List<DocumentView> history(@PathParam("id") UUID id) {
        return documents.history(id, callers.current()).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("/{documentId}/content")
    @Produces({"application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Download a document",
            description = "The bytes as handed in, streamed, with their type and the file name; ETag is the SHA-256. By the "
                    + "student, the coordinators of both sides and the international office; each read is audited.")
    @APIResponse(responseCode = "200", description = "The document",
            content = {@Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such mobility or document for you (urn:passerelle:problem:not-found)")
    @AuditedRead("GET /api/mobilities/{id}/documents/{documentId}/content")
    public Response content(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        var document = documents.find(id, documentId, callers.current());
        return DocumentDownload.response(document, documents.personOf(id), contents);
    }

    @POST
    @Path("/{documentId}/acceptance")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Accept a document (the coordinator its line names)",
            description = "By a coordinator (or integration client) of the side the line's checkedBy names, or the "
                    + "international office. Publishes DocumentAccepted, and ChecklistCompleted when every line is accepted.")
    @APIResponse(responseCode = "200", description = "The document, ACCEPTED")
    @APIResponse(responseCode = "403", description = "The line is checked by the other side (urn:passerelle:problem:not-reviewing-side)")
    @APIResponse(responseCode = "404", description = "No such mobility or document for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "Not the current version, or already reviewed (urn:passerelle:problem:document-not-submitted)")
    @APIResponse(responseCode = "422", description = "The checklist no longer has its line (urn:passerelle:problem:not-on-checklist)")
    public DocumentView accept(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return DocumentView.of(documents.accept(id, documentId, callers.current()));
    }

    @POST
    @Path("/{documentId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Reject a document, with the reason (the coordinator its line names)",
            description = "The line shows REJECTED with the reason until a new version is handed in. Publishes DocumentRejected.")
    @APIResponse(responseCode = "200", description = "The document, REJECTED")
    @APIResponse(responseCode = "400", description = "No reason (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "The line is checked by the other side (urn:passerelle:problem:not-reviewing-side)")
    @APIResponse(responseCode = "404", description = "No such mobility or document for you (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "Not the current version, or already reviewed (urn:passerelle:problem:document-not-submitted)")
    @APIResponse(responseCode = "422", description = "The checklist no longer has its line (urn:passerelle:problem:not-on-checklist)")
    public DocumentView reject(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId,
                               @Valid @NotNull MobilityRequests.Reason rejection) {
        return DocumentView.of(documents.reject(id, documentId, callers.current(), rejection.reason()));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField(field, "document.date")));
        }
    }
}
