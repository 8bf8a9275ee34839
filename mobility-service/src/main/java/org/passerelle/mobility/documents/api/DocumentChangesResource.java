package org.passerelle.mobility.documents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.documents.DocumentFeed;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.List;

@Path("/api/mobilities/documents/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentChangesResource {

    @Inject
    DocumentFeed feed;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Documents changed since an instant, for partners that poll",
            description = "Each document handed in, accepted, rejected or expired, in the order it happened; an item is the "
                    + "document as GET /api/mobilities/{id}/documents lists it, with its mobilityId (not its content: download "
                    + "it at its address, audited). Start with changedSince (an instant); then pass back the nextCursor of each "
                    + "answer as cursor: a cursor never skips a change and never repeats one; a document comes again only when "
                    + "it changed again. An empty answer keeps the cursor. The documents of your institution's mobilities only "
                    + "(all of them for the international office).")
    @APIResponse(responseCode = "200", description = "The changed documents and the cursor for the next ones")
    @APIResponse(responseCode = "400", description = "A cursor that is not one of ours (urn:passerelle:problem:bad-cursor)")
    public Changes changes(@QueryParam("changedSince") @Parameter(example = "2026-11-01T00:00:00Z") Instant changedSince,
                           @QueryParam("cursor") @Size(max = 200) String cursor,
                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        var changes = feed.since(changedSince, cursor, caller.actingFor(), limit);
        return new Changes(changes.items().stream().map(DocumentView::of).toList(), changes.nextCursor());
    }

    /** A batch of changes and where the next one starts. */
    @Schema(name = "DocumentChanges")
    public record Changes(List<DocumentView> items, String nextCursor) {
    }
}
