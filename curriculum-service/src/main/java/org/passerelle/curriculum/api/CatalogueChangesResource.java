package org.passerelle.curriculum.api;

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
import org.passerelle.curriculum.CatalogueFeed;

import java.time.Instant;
import java.util.List;

@Path("/api/catalogue/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogueChangesResource {

    @Inject
    CatalogueFeed feed;

    @GET
    @RolesAllowed({"admin", "coordinator", "supervisor", "integration"})
    @Operation(summary = "Catalogue items changed since an instant, for partners that poll",
            description = "Published, revised and withdrawn items in the order they changed. Start with changedSince (an "
                    + "instant); then pass back the nextCursor of each answer as cursor: a cursor never skips a change and never "
                    + "repeats one; an item comes again only when it changed again. An empty answer keeps the cursor.")
    @APIResponse(responseCode = "200", description = "The changed items and the cursor for the next ones")
    @APIResponse(responseCode = "400", description = "A cursor that is not one of ours (urn:passerelle:problem:bad-cursor)")
    public Changes changes(@QueryParam("changedSince") @Parameter(example = "2026-11-01T00:00:00Z") Instant changedSince,
                           @QueryParam("cursor") @Size(max = 200) String cursor,
                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        var changes = feed.items(changedSince, cursor, limit);
        return new Changes(changes.items().stream().map(ItemView::of).toList(), changes.nextCursor());
    }

    /** A batch of changes and where the next one starts. */
    @Schema(name = "CatalogueItemChanges")
    public record Changes(List<ItemView> items, String nextCursor) {
    }
}
