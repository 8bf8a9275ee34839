package org.passerelle.agreements.targets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.passerelle.runtime.csv.CsvReader;
import org.passerelle.runtime.csv.CsvWriter;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Path("/api/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets")
public class TargetResource {

    /** CSV or SVG when Accept asks for them: of lower quality than JSON, so that a request accepting anything gets JSON. */
    static final String CSV_UNLESS_ASKED = "text/csv;qs=0.5";
    static final String SVG_UNLESS_ASKED = "image/svg+xml;qs=0.4";
    static final org.passerelle.runtime.csv.CsvColumns HISTORY_COLUMNS = new org.passerelle.runtime.csv.CsvColumns()
            .required("academicYear", "année universitaire", "année")
            .required("students", "étudiants", "nombre");
    // one operation in the OpenAPI document, answered as JSON, CSV or an SVG chart as Accept asks
    private static final String PROGRESS_SUMMARY = "The progress of a target, year by year";
    private static final String PROGRESS_DESCRIPTION = "Counted from mobility events; the counting rule is in the answer "
            + "(countingRule). Each year from the baseline to the target has the expected and the counted mobilities, with "
            + "the imported count of the year (history, marked as imported) added and shown apart; the standing of the "
            + "current academic year (or of the target year once past) says ON_TRACK or BEHIND. With `Accept: text/csv`, the "
            + "years as CSV; with `Accept: image/svg+xml`, a chart of the counted (and imported) students per year against "
            + "the expected ones, titled in the Accept-Language, for a browser or an <img> to show.";
    private static final String PROGRESS_ANSWER = "The progress, as JSON, CSV or an SVG chart";
    private static final String HISTORY_DESCRIPTION = "The international office's records of the years before Passerelle "
            + "counted mobilities (e.g. 333 students sent to France by 2023/2024, 30 summer trainees a year), so that the "
            + "baseline of a target such as \"double in three years\" is real data. Replaces the target's imported years "
            + "with these, all or none; each is marked IMPORTED and adds to the year's counted mobilities in the progress.";

    @Inject
    TargetService targets;

    @Inject
    TargetHistory history;

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    IdempotentCreations creations;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Set a target on one or several agreements",
            description = "E.g. inbound students from the French partners to SJTUSM: 30 in 2024/2025, 60 by 2027/2028.")
    @APIResponse(responseCode = "201", description = "The target, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid: an unknown agreement, a receiving institution that "
            + "is not party to one, a target year not after the baseline (urn:passerelle:problem:validation)")
    public Response create(@Valid @NotNull TargetRequest request,
                           @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never creates twice")
                           String idempotencyKey, @Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, request, () -> {
            var target = targets.create(request);
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(target.id.toString()).build(),
                    TargetView.of(target), Long.toString(target.version));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a target", description = "Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "The changed target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TargetRequest request) {
        var target = targets.change(id, Versions.required(ifMatch), request);
        return Response.ok(TargetView.of(target)).tag(Versions.etag(target.version)).build();
    }

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "List targets", description = "Newest first; a coordinator sees those on its institution's agreements.")
    @APIResponse(responseCode = "200", description = "One page of targets")
    public Page<TargetView> list(@BeanParam @Valid PageRequest page) {
        return targets.list(caller.actingFor(), page).map(TargetView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Get one target")
    @APIResponse(responseCode = "200", description = "The target, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var target = targets.find(id, caller.actingFor());
        return Response.ok(TargetView.of(target)).tag(Versions.etag(target.version)).build();
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = PROGRESS_SUMMARY, description = PROGRESS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = PROGRESS_ANSWER)
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public TargetProgress progress(@PathParam("id") UUID id) {
        return targets.progress(id, caller.actingFor(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }


    @GET
    @Path("/{id}/progress")
    @Produces(CSV_UNLESS_ASKED)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = PROGRESS_SUMMARY, description = PROGRESS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = PROGRESS_ANSWER,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(
                    name = "progress", value = """
                            academicYear;expected;counted;imported;pending;inProgress;completed;recognised;notCounted;standing
                            2023/2024;30;333;333;0;0;0;0;0;ON_TRACK
                            """)))
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public Response progressCsv(@PathParam("id") UUID id) {
        var lines = progress(id).years().stream().map(y -> List.of(y.academicYear(), String.valueOf(y.expected()),
                String.valueOf(y.counted()), String.valueOf(y.imported()), String.valueOf(y.pending()), String.valueOf(y.inProgress()),
                String.valueOf(y.completed()), String.valueOf(y.recognised()), String.valueOf(y.notCounted()), y.standing().name())).toList();
        return Response.ok(CsvWriter.write(List.of("academicYear", "expected", "counted", "imported", "pending", "inProgress",
                "completed", "recognised", "notCounted", "standing"), lines), CsvWriter.MEDIA_TYPE).build();
    }

    @GET
    @Path("/{id}/progress")
    @Produces(SVG_UNLESS_ASKED)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = PROGRESS_SUMMARY, description = PROGRESS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = PROGRESS_ANSWER,
            content = @Content(mediaType = TargetChart.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public Response progressChart(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        var target = targets.find(id, caller.actingFor());
        var locale = org.passerelle.runtime.problem.ProblemResponses.locale(headers);
        String title = locale.getLanguage().equals("fr") ? target.title.fr() : locale.getLanguage().equals("zh") ? target.title.zh() : target.title.en();
        return Response.ok(TargetChart.svg(title, progress(id)), TargetChart.MEDIA_TYPE).build();
    }

    @PUT
    @Path("/{id}/history")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import a target's yearly counts from before Passerelle",
            description = HISTORY_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "before Passerelle",
            value = "[{\"academicYear\": \"2022/2023\", \"students\": 30}, {\"academicYear\": \"2023/2024\", \"students\": 333}]")))
    @APIResponse(responseCode = "200", description = "The imported years, each marked IMPORTED")
    @APIResponse(responseCode = "400", description = "A year that is not an academic year or is given twice, a negative count "
            + "(urn:passerelle:problem:validation): nothing was imported")
    @APIResponse(responseCode = "404", description = "No such target (urn:passerelle:problem:not-found)")
    public List<TargetHistory.ImportedYear> importHistory(@PathParam("id") UUID id,
                                                         @NotNull @jakarta.validation.constraints.Size(max = 100)
                                                         List<TargetHistory.@Valid @NotNull ImportedYear> years) {
        return history.replace(id, years, caller.subject());
    }

    @PUT
    @Path("/{id}/history")
    @Consumes("text/csv")
    @RolesAllowed("admin")
    @Operation(summary = "Import a target's yearly counts from before Passerelle (CSV)",
            description = HISTORY_DESCRIPTION + " CSV with the columns academicYear (année universitaire) and students "
                    + "(étudiants), as Excel writes it (docs/api/csv.md).")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "French Excel", value = """
            année universitaire;étudiants
            2022/2023;30
            2023/2024;333
            """)))
    @APIResponse(responseCode = "200", description = "The imported years, each marked IMPORTED")
    @APIResponse(responseCode = "400", description = "Not readable as CSV (urn:passerelle:problem:bad-csv), or a row that does "
            + "not read, a year given twice (urn:passerelle:problem:validation): nothing was imported")
    @APIResponse(responseCode = "404", description = "No such target (urn:passerelle:problem:not-found)")
    public List<TargetHistory.ImportedYear> importHistoryCsv(@PathParam("id") UUID id, @NotNull byte[] csv, @Context HttpHeaders headers) {
        var rows = CsvReader.read(csv, headers, HISTORY_COLUMNS).rows();
        new org.passerelle.runtime.problem.InvalidFieldsException.Collector()
                .check(rows.size() <= 100, "rows", "bulk.too-many-rows", 100).throwIfAny();
        var years = rows.stream().map(row -> {
            var year = new TargetHistory.ImportedYear(row.text("academicYear"), row.integer("students"));
            row.throwIfInvalid();
            return year;
        }).toList();
        var violations = validator.validate(new HistoryRows(years));
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        return history.replace(id, years, caller.subject());
    }

    /** The years of a CSV import, validated as the JSON body is. */
    record HistoryRows(List<TargetHistory.@Valid @NotNull ImportedYear> years) {
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "A target's imported yearly counts", description = "Earliest first, each marked IMPORTED.")
    @APIResponse(responseCode = "200", description = "The imported years")
    @APIResponse(responseCode = "404", description = "No such target for you (urn:passerelle:problem:not-found)")
    public List<TargetHistory.ImportedYear> history(@PathParam("id") UUID id) {
        targets.find(id, caller.actingFor());
        return history.of(id);
    }
}
