package org.passerelle.curriculum.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.CatalogueItemRepository;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

@Path("/api/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogueResource {

    @Inject
    CatalogueItemRepository items;

    @GET
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "List catalogue items", description = "Any signed-in role reads the catalogue. Filter by kind.")
    @APIResponse(responseCode = "200", description = "One page of catalogue items")
    public Page<CatalogueItemSummary> list(@BeanParam @Valid PageRequest page,
                                           @QueryParam("kind") CatalogueItemKind kind) {
        return items.list(kind, page).map(CatalogueItemSummary::of);
    }
}
