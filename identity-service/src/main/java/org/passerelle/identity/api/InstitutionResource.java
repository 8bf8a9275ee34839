package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.identity.InstitutionRepository;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.util.UUID;

@Path("/api/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
public class InstitutionResource {

    @Inject
    InstitutionRepository institutions;

    @GET
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "List institutions", description = "Ordered by SCHAC code. Any signed-in role may read institutions.")
    @APIResponse(responseCode = "200", description = "One page of institutions")
    public Page<InstitutionResponse> list(
            @BeanParam @Valid PageRequest page,
            @QueryParam("country") @Pattern(regexp = "[A-Z]{2}", message = "{passerelle.country-code}") String country) {
        return institutions.list(country, page).map(InstitutionResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one institution")
    @APIResponse(responseCode = "200", description = "The institution")
    @APIResponse(responseCode = "404", description = "No institution has this id (urn:passerelle:problem:not-found)")
    public InstitutionResponse get(@PathParam("id") UUID id) {
        return institutions.findByIdOptional(id)
                .map(InstitutionResponse::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
