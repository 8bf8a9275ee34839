package org.passerelle.mobility.api;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.agreements.Agreement;
import org.passerelle.mobility.agreements.AgreementRepository;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

@Path("/api/mobilities/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mobilities")
public class OpenAgreementResource {

    @Schema(name = "AgreementOpenForNominations")
    public record OpenAgreement(UUID id, @Schema(example = "BILATERAL_EXCHANGE") String kind,
                                @Schema(example = "[\"sjtu.edu.cn\", \"univ-lyon1.fr\"]") List<String> parties,
                                @Schema(example = "2025/2026") String firstAcademicYear,
                                @Schema(example = "2029/2030") String lastAcademicYear) {

        static OpenAgreement of(Agreement a) {
            return new OpenAgreement(a.id, a.kind, a.parties, a.firstAcademicYear, a.lastAcademicYear);
        }
    }

    @Inject
    AgreementRepository agreements;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Agreements open for nominations",
            description = "Agreements in force that the caller's institution is party to (every one for the international "
                    + "office), as mobility-service knows them from agreements-service's events (a few hundred milliseconds "
                    + "after a change there).")
    @APIResponse(responseCode = "200", description = "One page of agreements in force")
    public Page<OpenAgreement> list(@BeanParam @Valid PageRequest page,
                                    @QueryParam("party") @Parameter(description = "SCHAC code of a party", example = "univ-lyon1.fr")
                                    String party) {
        return agreements.openForNominations(caller.actingFor(), party, page).map(OpenAgreement::of);
    }
}
