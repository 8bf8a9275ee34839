package org.passerelle.curriculum.grading;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.curriculum.CurriculumProblems;
import org.passerelle.curriculum.FieldProblem;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Grading scales of each institution, and how grades convert between them. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grading")
public class GradingResource {

    private static final String GRADE = "^[0-9A-Za-z.+-]{1,30}$";

    @Schema(name = "GradingScaleDraft", description = "NUMERIC takes minimum, maximum, passMark and decimals; LABELS takes "
            + "labels (best first) and lowestPass; PASS_FAIL takes neither (its grades are PASS and FAIL).")
    public record ScaleDraft(
            @NotBlank @Size(max = 100) @Schema(example = "univ-lyon1.fr", description = "The caller's own institution, "
                    + "unless the international office declares it") String institution,
            @NotBlank @Pattern(regexp = "^[A-Z0-9-]{1,30}$") @Schema(example = "FR-20") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Notes sur 20") String name,
            @NotNull ScaleKind kind,
            @Schema(nullable = true, example = "0") @DecimalMin("0") @DecimalMax("1000") BigDecimal minimum,
            @Schema(nullable = true, example = "20") @DecimalMin("0") @DecimalMax("1000") BigDecimal maximum,
            @Schema(nullable = true, example = "10") @DecimalMin("0") @DecimalMax("1000") BigDecimal passMark,
            @Schema(nullable = true, example = "2") @Min(0) @Max(2) Integer decimals,
            @Schema(nullable = true) @Size(max = 20) List<@NotNull @Pattern(regexp = GRADE) String> labels,
            @Schema(nullable = true, example = "E") String lowestPass) {
    }

    @Schema(name = "GradingScale")
    public record ScaleView(UUID id, @Schema(example = "univ-lyon1.fr") String institution, @Schema(example = "FR-20") String code,
                            @Schema(example = "Notes sur 20") String name, ScaleKind kind,
                            @Schema(nullable = true, example = "0") BigDecimal minimum,
                            @Schema(nullable = true, example = "20") BigDecimal maximum,
                            @Schema(nullable = true, example = "10") BigDecimal passMark,
                            @Schema(nullable = true, example = "2") Integer decimals,
                            @Schema(description = "Labels best first; PASS, FAIL for pass/fail; empty for a numeric scale") List<String> labels,
                            @Schema(nullable = true, example = "E") String lowestPass, Instant createdAt) {

        public static ScaleView of(GradingScale s) {
            return new ScaleView(s.id, s.institution, s.code, s.name, s.kind, s.minimum, s.maximum, s.passMark, s.decimals,
                    s.orderedLabels(), s.lowestPass, s.createdAt);
        }
    }

    @Schema(name = "GradeConversionTableDraft")
    public record TableDraft(@NotNull UUID fromScaleId, @NotNull UUID toScaleId,
                             @NotEmpty @Size(max = 200) List<@NotNull @Valid RowDraft> rows) {
    }

    @Schema(name = "GradeConversionTableRow", description = "From this grade of the source scale (numeric: and above, up to "
            + "the next row), this grade of the target scale")
    public record RowDraft(@NotNull @Pattern(regexp = GRADE) @Schema(example = "60") String from,
                           @NotNull @Pattern(regexp = GRADE) @Schema(example = "10") String to) {
    }

    @Schema(name = "GradeConversionTable")
    public record TableView(UUID id, UUID fromScaleId, UUID toScaleId, List<ConversionTable.Row> rows,
                            @Schema(example = "univ-lyon1.fr") String declaredBy, Instant createdAt) {
        static TableView of(ConversionTable t) {
            return new TableView(t.id, t.fromScaleId, t.toScaleId, t.rows, t.declaredBy, t.createdAt);
        }
    }

    @Schema(name = "GradeDistributionDraft", description = "How many students of the reference group had each passing grade")
    public record DistributionDraft(@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,99}$") @Schema(example = "medicine-2022-2025") String referenceGroup,
                                    @NotEmpty @Size(max = 2001) List<@NotNull @Valid CountDraft> counts) {
    }

    @Schema(name = "GradeCount")
    public record CountDraft(@NotNull @Pattern(regexp = GRADE) @Schema(example = "14") String grade,
                             @NotNull @PositiveOrZero @Max(10_000_000) @Schema(example = "15") Long students) {
    }

    @Schema(name = "GradeDistribution")
    public record DistributionView(UUID id, UUID scaleId, @Schema(example = "medicine-2022-2025") String referenceGroup,
                                   List<GradeDistribution.Count> counts, @Schema(example = "univ-lyon1.fr") String recordedBy,
                                   Instant createdAt) {
        static DistributionView of(GradeDistribution d) {
            return new DistributionView(d.id, d.scaleId, d.referenceGroup, d.counts, d.recordedBy, d.createdAt);
        }
    }

    @Inject
    Grading grading;

    @Inject
    Caller caller;

    @Inject
    IdempotentCreations creations;

    @GET
    @Path("/grading-scales")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "List grading scales", description = "By institution, then code. Filter by institution.")
    @APIResponse(responseCode = "200", description = "One page of scales")
    public Page<ScaleView> scales(@BeanParam @Valid PageRequest page,
                                  @QueryParam("institution") @Size(max = 100) @Parameter(example = "sjtu.edu.cn") String institution) {
        return grading.scales(institution, page).map(ScaleView::of);
    }

    @GET
    @Path("/grading-scales/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one grading scale", description = "As a transcript or a converted grade names it.")
    @APIResponse(responseCode = "200", description = "The scale")
    @APIResponse(responseCode = "404", description = "No scale has this id (urn:passerelle:problem:not-found)")
    public ScaleView scale(@PathParam("id") UUID id) {
        return ScaleView.of(grading.scale(id));
    }

    @POST
    @Path("/grading-scales")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Declare a grading scale of an institution",
            description = "A coordinator for their own institution, the international office for any. A scale never changes "
                    + "once declared: transcripts and converted grades refer to it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "French 0-20",
            value = "{\"institution\":\"univ-lyon1.fr\",\"code\":\"FR-20-PCEM\",\"name\":\"Notes sur 20\",\"kind\":\"NUMERIC\","
                    + "\"minimum\":0,\"maximum\":20,\"passMark\":10,\"decimals\":2}")))
    @APIResponse(responseCode = "201", description = "The scale, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScaleView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "The institution is not the caller's (urn:passerelle:problem:not-institution-scale)")
    @APIResponse(responseCode = "409", description = "The institution has a scale with this code (urn:passerelle:problem:conflict)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response declare(@Valid @NotNull ScaleDraft draft, @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        requireOwn(draft.institution(), "institution");
        return creations.create(caller.subject(), idempotencyKey, draft, () -> {
            var scale = grading.declare(new Grading.ScaleDraft(draft.institution(), draft.code(), draft.name(), draft.kind(),
                    draft.minimum(), draft.maximum(), draft.passMark(), draft.decimals(), draft.labels(), draft.lowestPass()));
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(scale.id.toString()).build(), ScaleView.of(scale), null);
        });
    }

    @POST
    @Path("/grading-scales/{id}/distributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Record the grade distribution of a reference group",
            description = "The scale's institution: how many students of the group had each passing grade (the grading "
                    + "table of the ECTS Users' Guide 2015). Conversions by distribution use the latest record of a group.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Lyon 1, medicine",
            value = "{\"referenceGroup\":\"medicine-2022-2025\",\"counts\":[{\"grade\":\"16\",\"students\":5},{\"grade\":\"14\",\"students\":30},"
                    + "{\"grade\":\"12\",\"students\":40},{\"grade\":\"10\",\"students\":25}]}")))
    @APIResponse(responseCode = "201", description = "The distribution, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DistributionView.class)))
    @APIResponse(responseCode = "400", description = "A grade that is not a passing grade of the scale, or nobody counted "
            + "(urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "The scale is not the caller's institution's (urn:passerelle:problem:not-institution-scale)")
    @APIResponse(responseCode = "404", description = "No scale has this id (urn:passerelle:problem:not-found)")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull DistributionDraft draft, @Context UriInfo uri) {
        var scale = grading.scale(id);
        requireOwn(scale.institution, "scaleId");
        var distribution = grading.record(scale, draft.referenceGroup(),
                draft.counts().stream().map(c -> new GradeDistribution.Count(c.grade(), c.students())).toList(), caller.ownInstitution());
        return Response.created(uri.getBaseUriBuilder().path("/api/grade-distributions/" + distribution.id).build())
                .entity(DistributionView.of(distribution)).build();
    }

    @GET
    @Path("/grade-distributions/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one grade distribution", description = "As a converted grade names it.")
    @APIResponse(responseCode = "200", description = "The distribution")
    @APIResponse(responseCode = "404", description = "No distribution has this id (urn:passerelle:problem:not-found)")
    public DistributionView distribution(@PathParam("id") UUID id) {
        return DistributionView.of(grading.distribution(id));
    }

    @POST
    @Path("/grade-conversion-tables")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Declare how grades of one scale convert into another",
            description = "A coordinator of either scale's institution. Numeric source: each row applies from its grade up to "
                    + "the next row's, and rows start at the scale's minimum and at its pass mark; labels: a row per label. "
                    + "A pass converts into a pass and a fail into a fail. One table per ordered pair of scales.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "SJTUSM 100 to Lyon 1 20",
            value = "{\"fromScaleId\":\"00000000-0000-4000-8000-000000000203\",\"toScaleId\":\"00000000-0000-4000-8000-000000000201\","
                    + "\"rows\":[{\"from\":\"0\",\"to\":\"5\"},{\"from\":\"60\",\"to\":\"10\"},{\"from\":\"70\",\"to\":\"12\"},"
                    + "{\"from\":\"80\",\"to\":\"14\"},{\"from\":\"90\",\"to\":\"16\"}]}")))
    @APIResponse(responseCode = "201", description = "The table, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TableView.class)))
    @APIResponse(responseCode = "400", description = "An unknown scale, a grade outside its scale, a row that turns a pass into a "
            + "fail, a missing row (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "Neither scale is the caller's institution's (urn:passerelle:problem:not-institution-scale)")
    @APIResponse(responseCode = "409", description = "The pair of scales has a table already (urn:passerelle:problem:conflict)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response declareTable(@Valid @NotNull TableDraft draft, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @Context UriInfo uri) {
        var from = grading.scale(draft.fromScaleId(), "fromScaleId");
        var to = grading.scale(draft.toScaleId(), "toScaleId");
        if (!caller.isInternationalOffice() && !caller.belongsTo(from.institution) && !caller.belongsTo(to.institution)) {
            throw new FieldProblem(CurriculumProblems.NOT_INSTITUTION_SCALE, "fromScaleId", "scale.not-yours", from.code);
        }
        return creations.create(caller.subject(), idempotencyKey, draft, () -> {
            var table = grading.declareTable(from, to,
                    draft.rows().stream().map(r -> new ConversionTable.Row(r.from(), r.to())).toList(), caller.ownInstitution());
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(table.id.toString()).build(), TableView.of(table), null);
        });
    }

    @GET
    @Path("/grade-conversion-tables/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one grade conversion table", description = "As a converted grade names it.")
    @APIResponse(responseCode = "200", description = "The table")
    @APIResponse(responseCode = "404", description = "No table has this id (urn:passerelle:problem:not-found)")
    public TableView table(@PathParam("id") UUID id) {
        return TableView.of(grading.table(id));
    }

    @GET
    @Path("/grade-conversions")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Convert a grade into another scale",
            description = "By the declared table of the two scales, or, when a reference group is named or no table exists, by "
                    + "the latest distributions of the group on both sides (ECTS Users' Guide 2015 percentiles). The answer "
                    + "says which, with the table's row or both bands. Grades are never rounded.")
    @APIResponse(responseCode = "200", description = "The converted grade and how")
    @APIResponse(responseCode = "400", description = "An unknown scale or a grade outside the source scale (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "422", description = "No table and no distribution of a shared reference group, or a failing "
            + "grade to convert by distribution (urn:passerelle:problem:no-grade-conversion)")
    public ConvertedGrade convert(@QueryParam("fromScaleId") @NotNull UUID fromScaleId, @QueryParam("toScaleId") @NotNull UUID toScaleId,
                                  @QueryParam("grade") @NotNull @Pattern(regexp = GRADE) @Parameter(example = "85") String grade,
                                  @QueryParam("referenceGroup") @Size(max = 100) String referenceGroup) {
        var from = grading.scale(fromScaleId, "fromScaleId");
        var to = grading.scale(toScaleId, "toScaleId");
        Grades.requireIn(from, grade, "grade");
        return grading.convert(from, to, grade, referenceGroup, "toScaleId");
    }

    private void requireOwn(String institution, String field) {
        if (!caller.isInternationalOffice() && !caller.belongsTo(institution)) {
            throw new FieldProblem(CurriculumProblems.NOT_INSTITUTION_SCALE, field, "scale.not-yours", institution);
        }
    }
}
