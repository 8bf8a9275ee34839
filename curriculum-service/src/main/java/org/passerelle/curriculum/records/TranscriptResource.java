package org.passerelle.curriculum.records;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.curriculum.grading.ConvertedGrade;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.problem.ProblemResponses;
import org.passerelle.runtime.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Transcripts of records, issued by the receiving institution, and their recognition by the sending one. */
@Path("/api/transcripts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts and recognition")
public class TranscriptResource {

    private static final String GRADE = "^[0-9A-Za-z.+-]{1,30}$";

    @Schema(name = "TranscriptIssue")
    public record IssueRequest(@NotNull UUID mobilityId, @NotNull @Schema(description = "A scale of the receiving institution") UUID scaleId,
                               @NotEmpty @Size(max = 100) List<@NotNull @Valid ResultRequest> results) {
    }

    @Schema(name = "TranscriptCorrection", description = "The whole new version, with why the previous one is corrected")
    public record CorrectionRequest(@NotBlank @Size(max = 1000) @Schema(example = "Grade of the resit entered") String reason,
                                    @NotNull UUID scaleId, @NotEmpty @Size(max = 100) List<@NotNull @Valid ResultRequest> results) {
    }

    @Schema(name = "TranscriptResultRequest")
    public record ResultRequest(@NotNull @Schema(description = "The learning-agreement component (a catalogue session)") UUID sessionId,
                                @NotNull @Pattern(regexp = GRADE) @Schema(example = "85") String grade,
                                @NotNull @Schema(example = "2027-07-28") LocalDate assessedOn) {
    }

    @Schema(name = "TranscriptResult")
    public record ResultView(UUID sessionId, @Schema(nullable = true, example = "Cardiologie – 心内科") String title,
                             @Schema(example = "85") String grade, boolean passed,
                             @Schema(example = "6.0") BigDecimal ectsEarned, @Schema(example = "4.0") BigDecimal chineseCreditsEarned,
                             LocalDate assessedOn) {
        static ResultView of(Transcript.Result r) {
            return new ResultView(r.sessionId(), r.title(), r.grade(), r.passed(), r.ectsEarned(), r.chineseCreditsEarned(), r.assessedOn());
        }
    }

    @Schema(name = "TranscriptVersion")
    public record VersionView(@Schema(example = "1") int version, UUID scaleId, @Schema(example = "sjtu.edu.cn") String issuedBy,
                              Instant issuedAt, @Schema(nullable = true, description = "Why this version corrects the previous one")
                              String correctionReason, List<ResultView> results) {
        static VersionView of(Transcript t) {
            return new VersionView(t.version, t.scaleId, t.issuedBy, t.issuedAt, t.correctionReason,
                    t.results.stream().map(ResultView::of).toList());
        }
    }

    @Schema(name = "Transcript", description = "Every version, oldest first; the last is in force")
    public record TranscriptView(UUID mobilityId, @Schema(example = "univ-lyon1.fr") String sendingInstitution,
                                 @Schema(example = "sjtu.edu.cn") String receivingInstitution, @Schema(example = "1") int currentVersion,
                                 List<VersionView> versions, @Schema(description = "Whether the sending institution recognised it") boolean recognised) {
        static TranscriptView of(Records.History h) {
            var versions = h.versions().stream().map(VersionView::of).toList();
            return new TranscriptView(h.mobility().mobilityId, h.mobility().sendingInstitution, h.mobility().receivingInstitution,
                    versions.get(versions.size() - 1).version(), versions, h.recognition().isPresent());
        }
    }

    @Schema(name = "RecognitionRequest")
    public record RecognitionRequest(@NotNull @Schema(description = "A scale of the sending institution") UUID homeScaleId,
                                     @Size(max = 100) @Schema(nullable = true, description = "Convert by the distributions of this "
                                             + "reference group rather than by the table", example = "medicine-2022-2025") String referenceGroup,
                                     @NotEmpty @Size(max = 100) List<@NotNull @Valid ComponentRequest> components) {
    }

    @Schema(name = "BulkRecognitionRow", description = "The recognition of one mobility's results")
    public record BulkRecognitionRequest(@NotNull UUID mobilityId, @NotNull @Schema(description = "A scale of the sending institution")
                                         UUID homeScaleId,
                                         @Size(max = 100) @Schema(nullable = true, example = "medicine-2022-2025") String referenceGroup,
                                         @NotEmpty @Size(max = 100) List<@NotNull @Valid ComponentRequest> components) {
    }

    @Schema(name = "RecognitionComponentRequest", description = "A passed component: home courses, or extraCredits true")
    public record ComponentRequest(@NotNull UUID sessionId,
                                   @Size(max = 10) @Schema(nullable = true, example = "[\"UE 4.2 Cardiologie\"]")
                                   List<@NotBlank @Size(max = 100) String> homeCourses,
                                   boolean extraCredits,
                                   @Size(max = 1000) @Schema(nullable = true, description = "Required for a component absent from "
                                           + "the last approved learning agreement; kept with the recognition") String outsideAgreementReason) {
    }

    @Schema(name = "RecognisedComponent")
    public record RecognisedView(UUID sessionId, @Schema(nullable = true) String title, @Schema(example = "85") String grade,
                                 @Schema(example = "14") String homeGrade, ConvertedGrade conversion,
                                 List<String> homeCourses, boolean extraCredits, @Schema(example = "6.0") BigDecimal ects,
                                 @Schema(example = "4.0") BigDecimal chineseCredits,
                                 @Schema(nullable = true) String outsideAgreementReason) {
        static RecognisedView of(Recognition.Component c) {
            return new RecognisedView(c.sessionId(), c.title(), c.grade(), c.homeGrade(), c.conversion(), c.homeCourses(),
                    c.extraCredits(), c.ects(), c.chineseCredits(), c.outsideAgreementReason());
        }
    }

    @Schema(name = "Recognition")
    public record RecognitionView(UUID mobilityId, @Schema(example = "1") int transcriptVersion, UUID homeScaleId,
                                  @Schema(example = "univ-lyon1.fr") String recognisedBy, Instant recognisedAt,
                                  List<RecognisedView> components, @Schema(example = "6.0") BigDecimal ects,
                                  @Schema(example = "4.0") BigDecimal chineseCredits) {
        static RecognitionView of(Recognition r) {
            return new RecognitionView(r.mobilityId, r.transcriptVersion, r.homeScaleId, r.recognisedBy, r.recognisedAt,
                    r.components.stream().map(RecognisedView::of).toList(), r.ects(), r.chineseCredits());
        }
    }

    @Inject
    Records records;

    @Inject
    BulkRecords bulk;

    @Inject
    IdempotentCreations creations;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Issue the transcript of records of a completed mobility",
            description = "The receiving institution, once the mobility is COMPLETED: per component of the last approved learning "
                    + "agreement, the grade in one of its scales and the assessment date. A passed component earns its credits "
                    + "in both schemes as the learning agreement converted them; one not passed earns none.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Lyon 1 student at SJTUSM",
            value = "{\"mobilityId\":\"9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64\",\"scaleId\":\"00000000-0000-4000-8000-000000000203\","
                    + "\"results\":[{\"sessionId\":\"e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56\",\"grade\":\"85\",\"assessedOn\":\"2027-07-28\"}]}")))
    @APIResponse(responseCode = "201", description = "Version 1, at the transcript's Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptView.class)))
    @APIResponse(responseCode = "400", description = "A grade outside the scale, a scale not of the receiving institution "
            + "(urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "The caller is not the receiving institution (urn:passerelle:problem:not-receiving-institution)")
    @APIResponse(responseCode = "404", description = "No mobility the caller sees has this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The mobility is not completed (urn:passerelle:problem:mobility-not-completed), or "
            + "has a transcript already (urn:passerelle:problem:transcript-exists)")
    @APIResponse(responseCode = "422", description = "A component not in the learning agreement (urn:passerelle:problem:not-in-learning-agreement)")
    public Response issue(@Valid @NotNull IssueRequest request, @Context UriInfo uri) {
        records.issue(request.mobilityId(), request.scaleId(), results(request.results()), viewer());
        var history = records.history(request.mobilityId(), viewer());
        return Response.created(uri.getAbsolutePathBuilder().path(request.mobilityId().toString()).build())
                .entity(TranscriptView.of(history)).build();
    }

    @POST
    @Path("/{mobilityId}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Correct a transcript", description = "The receiving institution issues the next version, whole, with the "
            + "reason. Earlier versions stay readable by both sides.")
    @APIResponse(responseCode = "200", description = "The transcript with every version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "The caller is not the receiving institution (urn:passerelle:problem:not-receiving-institution)")
    @APIResponse(responseCode = "404", description = "No mobility the caller sees has this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "No transcript to correct (urn:passerelle:problem:no-transcript), or the mobility is "
            + "not completed (urn:passerelle:problem:mobility-not-completed)")
    @APIResponse(responseCode = "422", description = "A component not in the learning agreement (urn:passerelle:problem:not-in-learning-agreement)")
    public TranscriptView correct(@PathParam("mobilityId") UUID mobilityId, @Valid @NotNull CorrectionRequest request) {
        records.correct(mobilityId, request.reason().strip(), request.scaleId(), results(request.results()), viewer());
        return TranscriptView.of(records.history(mobilityId, viewer()));
    }

    @GET
    @Path("/{mobilityId}")
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Get a mobility's transcript with its history",
            description = "Both institutions of the mobility and the student (by the email of the nomination, when mobility-service sends it).")
    @APIResponse(responseCode = "200", description = "Every version, oldest first")
    @APIResponse(responseCode = "404", description = "No transcript the caller sees (urn:passerelle:problem:not-found)")
    public TranscriptView transcript(@PathParam("mobilityId") UUID mobilityId) {
        return TranscriptView.of(records.history(mobilityId, viewer()));
    }

    @POST
    @Path("/{mobilityId}/recognition")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Recognise the results at home",
            description = "The sending institution's coordinator, for the transcript's current version: each passed component goes to "
                    + "home course(s) or to extra credits, its grade converted into a home scale (by table, or by distribution when a "
                    + "reference group is named or no table exists). A component absent from the last approved learning agreement "
                    + "needs outsideAgreementReason, kept with the recognition.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Lyon 1",
            value = "{\"homeScaleId\":\"00000000-0000-4000-8000-000000000201\",\"components\":[{\"sessionId\":"
                    + "\"e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56\",\"homeCourses\":[\"UE 4.2 Cardiologie\"],\"extraCredits\":false}]}")))
    @APIResponse(responseCode = "201", description = "The recognition, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecognitionView.class)))
    @APIResponse(responseCode = "400", description = "A component not passed or not in the transcript, neither courses nor extra credits, "
            + "a home scale not of the sending institution (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "The caller is not the sending institution (urn:passerelle:problem:not-sending-institution)")
    @APIResponse(responseCode = "404", description = "No mobility the caller sees has this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "No transcript yet (urn:passerelle:problem:no-transcript), or recognised already "
            + "(urn:passerelle:problem:already-recognised)")
    @APIResponse(responseCode = "422", description = "A component outside the learning agreement without a reason "
            + "(urn:passerelle:problem:not-in-learning-agreement), or a grade with no table nor distribution to convert it "
            + "(urn:passerelle:problem:no-grade-conversion)")
    public Response recognise(@PathParam("mobilityId") UUID mobilityId, @Valid @NotNull RecognitionRequest request, @Context UriInfo uri) {
        var recognition = records.recognise(mobilityId, request.homeScaleId(), request.referenceGroup(),
                components(request.components()), viewer());
        return Response.created(uri.getAbsolutePath()).entity(RecognitionView.of(recognition)).build();
    }

    @GET
    @Path("/{mobilityId}/recognition")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", PDF})
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Get the recognised results",
            description = "JSON; or CSV (Accept: text/csv; one line per component, separated by ';', UTF-8 with a byte-order mark "
                    + "so that Excel reads the accents and Chinese); or a PDF transcript (Accept: application/pdf, or lang given), "
                    + "its labels in French, English or Chinese (lang, else Accept-Language, else English). Both institutions and "
                    + "the student.")
    @APIResponse(responseCode = "200", description = "The recognition", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecognitionView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "lang is not fr, en or zh (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "Not recognised, or no mobility the caller sees (urn:passerelle:problem:not-found)")
    public Response recognition(@PathParam("mobilityId") UUID mobilityId,
                                @QueryParam("lang") @Pattern(regexp = "fr|en|zh", message = "{passerelle.language}")
                                @Parameter(description = "The PDF's language: fr, en or zh", example = "zh") String lang,
                                @Context HttpHeaders headers) {
        var recognition = records.recognition(mobilityId, viewer());
        if (lang != null || accepts(headers, PDF)) {
            String language = RecognitionPdf.language(lang, ProblemResponses.locale(headers));
            return Response.ok(RecognitionPdf.of(recognition, records.mobility(mobilityId, viewer()), language), PDF)
                    .header("Content-Disposition", "inline; filename=\"recognition-" + mobilityId + "-" + language + ".pdf\"")
                    .header("Content-Language", language).build();
        }
        if (accepts(headers, "text/csv")) {
            return Response.ok(RecognitionCsv.of(recognition), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"recognition-" + mobilityId + ".csv\"").build();
        }
        return Response.ok(RecognitionView.of(recognition), MediaType.APPLICATION_JSON).build();
    }

    private static final String PDF = "application/pdf";

    private static boolean accepts(HttpHeaders headers, String type) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.valueOf(type)) && !m.isWildcardType());
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Issue the transcripts of up to 500 completed mobilities at once",
            description = "Each row as POST /api/transcripts, with a result per row: a refused row (its problem as a single request "
                    + "would have it) loses none of the others. A row that breaks a field rule (a grade that does not match the "
                    + "pattern, a missing field) refuses the whole request, which then records nothing. Send an Idempotency-Key so "
                    + "that a retried request never issues twice: a retry after the first request died issues the rows it had not "
                    + "and answers those it had.")
    @APIResponse(responseCode = "201", description = "A result per row; at least one transcript was issued (each at /api/transcripts/{mobilityId})",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkRecords.Result.class)))
    @APIResponse(responseCode = "400", description = "A row breaks a field rule, or more than 500 rows (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "422", description = NOTHING_RECORDED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BulkRecords.Refusal.class)))
    public Response issueAll(@NotNull @Size(max = BulkRecords.MAX_ROWS) List<@NotNull @Valid IssueRequest> rows,
                             @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never issues twice",
                                     example = "sjtusm-2027-summer-transcripts") String idempotencyKey,
                             @Context HttpHeaders headers, @Context UriInfo uri) {
        var viewer = viewer();
        return creations.createInSteps(caller.subject(), idempotencyKey, rows,
                creationKey -> new IdempotentCreations.Created(null, bulk.issue(rows, viewer, creationKey, headers, uri), null));
    }

    @POST
    @Path("/recognition/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Recognise the results of up to 500 mobilities at once",
            description = "Each row as POST /api/transcripts/{mobilityId}/recognition, with a result per row: a refused row loses none "
                    + "of the others. A row that breaks a field rule refuses the whole request, which then records nothing. With an "
                    + "Idempotency-Key, a retry after the first request died recognises the rows it had not and answers those it had.")
    @APIResponse(responseCode = "201", description = "A result per row; at least one mobility's results were recognised (each at "
            + "/api/transcripts/{mobilityId}/recognition)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkRecords.Result.class)))
    @APIResponse(responseCode = "400", description = "A row breaks a field rule, or more than 500 rows (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "422", description = NOTHING_RECORDED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BulkRecords.Refusal.class)))
    public Response recogniseAll(@NotNull @Size(max = BulkRecords.MAX_ROWS) List<@NotNull @Valid BulkRecognitionRequest> rows,
                                 @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never recognises twice",
                                         example = "lyon1-2027-summer-recognition") String idempotencyKey,
                                 @Context HttpHeaders headers, @Context UriInfo uri) {
        var viewer = viewer();
        return creations.createInSteps(caller.subject(), idempotencyKey, rows,
                creationKey -> new IdempotentCreations.Created(null, bulk.recognise(rows, viewer, creationKey, headers, uri), null));
    }

    private static final String NOTHING_RECORDED = "No row was recorded (urn:passerelle:problem:nothing-recorded): rows gives each "
            + "one's problem; nothing was written, so the Idempotency-Key is free for a corrected request";

    /** A bulk request that recorded no row: the problem, with the result of every row. */
    @ServerExceptionMapper
    public Response nothingRecorded(BulkRecords.NothingRecorded e, HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(e.type(), headers, uri, e.arguments());
        return Response.fromResponse(problem)
                .entity(BulkRecords.Refusal.of((org.passerelle.runtime.problem.Problem) problem.getEntity(), e.result()))
                .build();
    }

    static List<Records.ResultDraft> results(List<ResultRequest> results) {
        return results.stream().map(r -> new Records.ResultDraft(r.sessionId(), r.grade(), r.assessedOn())).toList();
    }

    static List<Records.ComponentDraft> components(List<ComponentRequest> components) {
        return components.stream().map(c -> new Records.ComponentDraft(c.sessionId(), c.homeCourses(), c.extraCredits(),
                c.outsideAgreementReason())).toList();
    }

    /** Staff act for their institution (the office for all); a student for the mobilities of their email. */
    private Records.Viewer viewer() {
        boolean staff = caller.isInternationalOffice() || caller.hasRole("coordinator") || caller.hasRole("integration");
        return new Records.Viewer(staff ? caller.actingFor() : Caller.NO_INSTITUTION, staff ? null : caller.email(), caller.subject());
    }
}
