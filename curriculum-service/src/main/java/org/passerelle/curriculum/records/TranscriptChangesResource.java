package org.passerelle.curriculum.records;

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
import org.passerelle.curriculum.records.TranscriptResource.TranscriptView;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.List;

@Path("/api/transcripts/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts and recognition")
public class TranscriptChangesResource {

    @Inject
    TranscriptFeed feed;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Transcripts changed since an instant, for partners that poll",
            description = "Each transcript issued or corrected and each recognition at home, in the order they happened; an "
                    + "item is the transcript with its history as GET /api/transcripts/{mobilityId} answers it. Start with "
                    + "changedSince (an instant); then pass back the nextCursor of each answer as cursor: a cursor never skips a "
                    + "change and never repeats one; a transcript comes again only when it changed again. An empty answer keeps "
                    + "the cursor. The transcripts of your institution's mobilities only (all of them for the international office).")
    @APIResponse(responseCode = "200", description = "The changed transcripts and the cursor for the next ones")
    @APIResponse(responseCode = "400", description = "A cursor that is not one of ours (urn:passerelle:problem:bad-cursor)")
    public Changes changes(@QueryParam("changedSince") @Parameter(example = "2026-11-01T00:00:00Z") Instant changedSince,
                           @QueryParam("cursor") @Size(max = 200) String cursor,
                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        var viewer = new Records.Viewer(caller.actingFor(), null, caller.subject());
        var changes = feed.since(changedSince, cursor, viewer, limit);
        return new Changes(changes.items().stream().map(TranscriptView::of).toList(), changes.nextCursor());
    }

    /** A batch of changes and where the next one starts. */
    @Schema(name = "TranscriptChanges")
    public record Changes(List<TranscriptView> items, String nextCursor) {
    }
}
