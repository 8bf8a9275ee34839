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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.runtime.csv.CsvWriter;
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

    // one operation in the OpenAPI document, answered as JSON or, when Accept asks for it, as CSV
    private static final String SUMMARY = "Mobilities per academic year, direction, partner institution, mobility type and status";
    private static final String DESCRIPTION = "Direction is seen from SJTUSM. Staff of a partner count the mobilities their "
            + "institution sends or receives; the international office all. Also the inbound students per year as targets "
            + "count them. With `Accept: text/csv`, the counts as CSV, one line per year, direction, partner, type and "
            + "status (`;`-separated, UTF-8 with a byte-order mark, as Excel opens it).";
    private static final String ANSWER = "The counts, as JSON or CSV";

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
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = ANSWER)
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

    @GET
    @Path("/mobilities")
    @Produces("text/csv;qs=0.5")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Transactional
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = ANSWER,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(
                    name = "counts", value = """
                            academicYear;direction;partnerInstitution;mobilityType;status;mobilities
                            2026/2027;INBOUND;univ-lyon1.fr;SUMMER_TRAINING;ACCEPTED;12
                            """)))
    public Response mobilitiesCsv(@QueryParam("academicYear") @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") String academicYear,
                                  @QueryParam("direction") Direction direction,
                                  @QueryParam("partner") String partner) {
        var lines = mobilities(academicYear, direction, partner).counts().stream()
                .map(c -> List.of(c.academicYear(), c.direction().name(), c.partnerInstitution(), c.mobilityType(), c.status(),
                        String.valueOf(c.mobilities()))).toList();
        return Response.ok(CsvWriter.write(List.of("academicYear", "direction", "partnerInstitution", "mobilityType", "status",
                "mobilities"), lines), CsvWriter.MEDIA_TYPE).build();
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
