package org.passerelle.mobility.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.MobilityRepository;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

@Path("/api/mobilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mobilities")
public class MobilityResource {

    @Inject
    MobilityRepository mobilities;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "List mobilities", description = "Newest first. Filter by status and academic year.")
    @APIResponse(responseCode = "200", description = "One page of mobilities")
    public Page<MobilitySummary> list(@BeanParam @Valid PageRequest page,
                                      @QueryParam("status") MobilityStatus status,
                                      @QueryParam("academicYear")
                                      @Parameter(description = "Receiving side's academic year", example = "2025/2026")
                                      @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
                                      String academicYear) {
        return mobilities.list(status, academicYear, page).map(MobilitySummary::of);
    }
}
