package org.passerelle.mobility.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.mobility.QuotaLedger;
import org.passerelle.mobility.agreements.AgreementRepository;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;
import org.passerelle.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

/**
 * The places left for nominations, per cooperation condition and academic year, straight from the quota ledger that
 * nominations take them from: what it answers is what the next nomination would find.
 */
@Path("/api/mobilities/agreements/{agreementId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mobilities")
public class PlacesResource {

    @Schema(name = "ConditionPlaces", description = "A cooperation condition's places in one academic year")
    public record ConditionPlaces(UUID agreementId, UUID conditionId, @Schema(example = "2026/2027") String academicYear,
                                  @Schema(example = "univ-lyon1.fr") String sendingInstitution,
                                  @Schema(example = "sjtu.edu.cn") String receivingInstitution,
                                  @Schema(example = "SUMMER_TRAINING") String mobilityType,
                                  @Schema(description = "Places of the year; 0 when the condition does not cover it", example = "30") int places,
                                  @Schema(description = "Taken by mobilities nominated, accepted, in progress or completed", example = "12") int taken,
                                  @Schema(description = "places - taken, never below 0", example = "18") int left) {

        static ConditionPlaces of(UUID agreementId, String academicYear, QuotaLedger.Places p) {
            return new ConditionPlaces(agreementId, p.conditionId(), academicYear, p.sendingInstitution(), p.receivingInstitution(),
                    p.mobilityType(), p.places(), p.taken(), p.left());
        }
    }

    @Schema(name = "AgreementPlaces", description = "The places of every condition of an agreement in one academic year, and their sums")
    public record AgreementPlaces(UUID agreementId, @Schema(example = "2026/2027") String academicYear,
                                  @Schema(example = "45") int places, @Schema(example = "20") int taken, @Schema(example = "25") int left,
                                  List<ConditionPlaces> conditions) {
    }

    @Inject
    QuotaLedger quota;

    @Inject
    AgreementRepository agreements;

    @Inject
    Caller caller;

    @GET
    @Path("/places")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Places left under an agreement in an academic year",
            description = "For each cooperation condition in force: its places for the year, those taken and those left, as "
                    + "the quota ledger holds them at this moment (a nomination takes a place; a rejection or cancellation gives "
                    + "it back). For both parties of the agreement and the international office.")
    @APIResponse(responseCode = "200", description = "The places of each condition and their sums")
    @APIResponse(responseCode = "404", description = "No agreement in force with this id that the caller's institution is party "
            + "to (urn:passerelle:problem:not-found)")
    public AgreementPlaces ofAgreement(@PathParam("agreementId") UUID agreementId,
                                       @QueryParam("academicYear") @NotNull @Parameter(required = true, example = "2026/2027")
                                       @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") String academicYear) {
        requireParty(agreementId);
        var conditions = quota.places(agreementId, academicYear).stream()
                .map(p -> ConditionPlaces.of(agreementId, academicYear, p)).toList();
        return new AgreementPlaces(agreementId, academicYear, conditions.stream().mapToInt(ConditionPlaces::places).sum(),
                conditions.stream().mapToInt(ConditionPlaces::taken).sum(), conditions.stream().mapToInt(ConditionPlaces::left).sum(),
                conditions);
    }

    @GET
    @Path("/conditions/{conditionId}/places")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Places left under one cooperation condition in an academic year",
            description = "Its places for the year, those taken and those left, as the quota ledger holds them at this moment. "
                    + "For both parties of the agreement and the international office.")
    @APIResponse(responseCode = "200", description = "The condition's places")
    @APIResponse(responseCode = "404", description = "No such condition in force under an agreement the caller's institution "
            + "is party to (urn:passerelle:problem:not-found)")
    public ConditionPlaces ofCondition(@PathParam("agreementId") UUID agreementId, @PathParam("conditionId") UUID conditionId,
                                       @QueryParam("academicYear") @NotNull @Parameter(required = true, example = "2026/2027")
                                       @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") String academicYear) {
        requireParty(agreementId);
        return quota.places(agreementId, academicYear).stream().filter(p -> p.conditionId().equals(conditionId))
                .findFirst().map(p -> ConditionPlaces.of(agreementId, academicYear, p))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /** Both parties read the places; others are told nothing exists, as for any agreement out of their reach. */
    private void requireParty(UUID agreementId) {
        String me = caller.actingFor();
        agreements.findByIdOptional(agreementId)
                .filter(a -> me == null || a.parties.contains(me))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
