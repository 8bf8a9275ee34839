package org.passerelle.agreements.api;

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
import org.passerelle.agreements.AgreementKind;
import org.passerelle.agreements.AgreementRepository;
import org.passerelle.agreements.AgreementStatus;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements")
public class AgreementResource {

    @Inject
    AgreementRepository agreements;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "List agreements", description = "Newest first. Filter by status and kind.")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public Page<AgreementSummary> list(@BeanParam @Valid PageRequest page,
                                       @QueryParam("status") AgreementStatus status,
                                       @QueryParam("kind") AgreementKind kind) {
        return agreements.list(status, kind, page).map(AgreementSummary::of);
    }
}
