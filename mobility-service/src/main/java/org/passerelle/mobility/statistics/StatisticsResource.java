package org.passerelle.mobility.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.runtime.security.Caller;

import java.util.List;

@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatisticsResource {

    /** INBOUND: to SJTUSM; OUTBOUND: from SJTUSM. */
    public enum Direction { INBOUND, OUTBOUND }

    @Schema(name = "MobilityCount")
    public record Count(@Schema(example = "2026/2027") String academicYear, @Schema(example = "INBOUND") Direction direction,
                        @Schema(description = "The institution other than SJTUSM", example = "univ-lyon1.fr") String partnerInstitution,
                        @Schema(example = "SUMMER_TRAINING") String mobilityType, @Schema(example = "ACCEPTED") String status,
                        @Schema(example = "12") long mobilities) {
    }

    @Schema(name = "InboundStudents", description = "Inbound students counted as targets count them")
    public record InboundYear(@Schema(example = "2026/2027") String academicYear, @Schema(example = "41") long students) {
    }

    @Schema(name = "MobilityStatistics")
    public record Statistics(List<Count> counts,
                             @Schema(description = "Students from the partners to SJTUSM per academic year, accepted, in "
                                     + "progress or completed (not staff): what the doubling target counts") List<InboundYear> inboundStudents) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @ConfigProperty(name = "passerelle.home-institution", defaultValue = "sjtu.edu.cn")
    String home;

    @GET
    @Path("/mobilities")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Transactional
    @Operation(summary = "Mobilities per academic year, direction, partner institution, mobility type and status",
            description = "Direction is seen from SJTUSM. Staff of a partner count the mobilities their institution sends "
                    + "or receives; the international office all. Also the inbound students per year as targets count them.")
    @APIResponse(responseCode = "200", description = "The counts")
    public Statistics mobilities(@QueryParam("academicYear") @Parameter(example = "2026/2027")
                                 @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") String academicYear,
                                 @QueryParam("direction") Direction direction,
                                 @QueryParam("partner") @Parameter(example = "univ-lyon1.fr") String partner) {
        String me = caller.actingFor();
        String where = " where (sending_institution = :home or receiving_institution = :home)"
                + (academicYear == null ? "" : " and academic_year = :year")
                + (direction == null ? "" : direction == Direction.INBOUND ? " and receiving_institution = :home" : " and sending_institution = :home")
                + (partner == null ? "" : " and (sending_institution = :partner or receiving_institution = :partner)")
                + (me == null ? "" : " and (sending_institution = :me or receiving_institution = :me)");
        var counts = parameters(entityManager.createNativeQuery("""
                select academic_year, case when receiving_institution = :home then 'INBOUND' else 'OUTBOUND' end,
                       case when receiving_institution = :home then sending_institution else receiving_institution end,
                       mobility_type, status, count(*)
                from mobility""" + where + " group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5"), academicYear, partner, me);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = counts.getResultList();
        var inbound = parameters(entityManager.createNativeQuery("select academic_year, count(*) from mobility" + where
                + " and receiving_institution = :home and status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')"
                + " and mobility_type not in ('STAFF_TEACHING', 'STAFF_TRAINING') group by 1 order by 1"), academicYear, partner, me);
        @SuppressWarnings("unchecked")
        List<Object[]> years = inbound.getResultList();
        return new Statistics(
                rows.stream().map(r -> new Count(((String) r[0]), Direction.valueOf((String) r[1]), (String) r[2], (String) r[3],
                        (String) r[4], ((Number) r[5]).longValue())).toList(),
                years.stream().map(r -> new InboundYear((String) r[0], ((Number) r[1]).longValue())).toList());
    }

    private jakarta.persistence.Query parameters(jakarta.persistence.Query query, String academicYear, String partner, String me) {
        query.setParameter("home", home);
        if (academicYear != null) {
            query.setParameter("year", academicYear);
        }
        if (partner != null) {
            query.setParameter("partner", partner);
        }
        if (me != null) {
            query.setParameter("me", me);
        }
        return query;
    }

}
