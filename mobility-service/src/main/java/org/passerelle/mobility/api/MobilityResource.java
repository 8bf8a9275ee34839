package org.passerelle.mobility.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityFeed;
import org.passerelle.mobility.MobilityRepository;
import org.passerelle.mobility.MobilityService;
import org.passerelle.mobility.MobilityStatus;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.privacy.AuditedRead;
import org.passerelle.runtime.problem.ProblemResponses;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/mobilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mobilities")
public class MobilityResource {

    private static final String CSV_EXAMPLE = """
            agreementId;conditionId;academicYear;plannedArrival;plannedDeparture;givenName;familyName;chineseName;email;ine;studentNumber;personId;requestedSessions
            5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70;c3a1e5f7-2b4d-4f6a-8c0e-9d1b3f5a7c20;2026/2027;05/07/2027;30/07/2027;Éloïse;D'Aubigné;;eloise.daubigne@etu.univ-lyon1.fr;123456789AB;;;e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56
            """;

    /** CSV when Accept asks for it: of lower quality than JSON, so that a request accepting anything gets JSON. */
    static final String CSV_UNLESS_ASKED = "text/csv;qs=0.5";
    static final int EXPORT_LIMIT = 10_000;
    // one operation in the OpenAPI document, answered as JSON or, when Accept asks for it, as CSV
    private static final String LIST_SUMMARY = "List mobilities";
    private static final String LIST_DESCRIPTION = "Newest first. Filter by status, academic year, the bulk nomination that "
            + "created them and the student's name. Staff see the mobilities their institution sends or receives, a student "
            + "their own. With `Accept: text/csv`, all of them (every page, at most 10,000; page and size do not apply) as CSV "
            + "in the form the CSV bulk nomination reads, its columns preceded by mobilityId and status: `;`-separated, UTF-8 "
            + "with a byte-order mark, dates yyyy-mm-dd (docs/api/csv.md). Each line reads back, through Excel or not, as the "
            + "nomination it was; the bulk nomination ignores mobilityId and status.";
    private static final String LIST_ANSWER = "One page of mobilities, or all of them as CSV";
    private static final String EXPORT_EXAMPLE = """
            mobilityId;status;agreementId;conditionId;academicYear;plannedArrival;plannedDeparture;givenName;familyName;chineseName;email;ine;studentNumber;personId;requestedSessions
            9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64;NOMINATED;5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70;c3a1e5f7-2b4d-4f6a-8c0e-9d1b3f5a7c20;2026/2027;2027-07-05;2027-07-30;Éloïse;D'Aubigné;;eloise.daubigne@etu.univ-lyon1.fr;123456789AB;;;e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56
            """;

    @Inject
    MobilityRepository mobilities;

    @Inject
    org.passerelle.runtime.events.Outbox outbox;

    @Inject
    MobilityService service;

    @Inject
    MobilityFeed feed;

    @Inject
    BulkNominations bulk;

    @Inject
    IdempotentCreations creations;

    @Inject
    Caller caller;

    @Inject
    org.passerelle.mobility.documents.Checklists checklists;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = LIST_ANSWER)
    @AuditedRead("GET /api/mobilities")
    public Page<MobilityView> list(@BeanParam @Valid PageRequest page,
                                   @QueryParam("status") MobilityStatus status,
                                   @QueryParam("academicYear")
                                   @Parameter(description = "Receiving side's academic year", example = "2025/2026")
                                   @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
                                   String academicYear,
                                   @QueryParam("batch") @Parameter(description = "batchId of a bulk nomination") UUID batch,
                                   @QueryParam("name") @Size(max = 200)
                                   @Parameter(description = "Words each found in the student's given or family name or Chinese "
                                           + "name, in any order, whatever the accents, case, apostrophes and hyphens: "
                                           + "\"eloise daubigne\" finds Éloïse D’Aubigné", example = "daubigne")
                                   String name) {
        return mobilities.list(caller.actingFor(), studentEmail(), status, academicYear, batch, name, page).map(MobilityView::of);
    }

    @GET
    @Produces(CSV_UNLESS_ASKED)
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = LIST_ANSWER,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "mobilities", value = EXPORT_EXAMPLE)))
    public Response export(@QueryParam("status") MobilityStatus status,
                           @QueryParam("academicYear") @Parameter(description = "Receiving side's academic year", example = "2025/2026")
                           @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") String academicYear,
                           @QueryParam("batch") @Parameter(description = "batchId of a bulk nomination") UUID batch,
                           @QueryParam("name") @Size(max = 200) String name) {
        var page = new PageRequest();
        page.size = PageRequest.MAX_SIZE;
        var views = new java.util.ArrayList<MobilityView>();
        for (page.page = 0; views.size() < EXPORT_LIMIT; page.page++) {
            var items = mobilities.list(caller.actingFor(), studentEmail(), status, academicYear, batch, name, page).items();
            items.forEach(m -> views.add(MobilityView.of(m)));
            if (items.size() < page.size) {
                break;
            }
        }
        auditRead(views);
        var lines = views.stream().map(MobilityResource::csvLine).toList();
        var header = new java.util.ArrayList<>(List.of("mobilityId", "status"));
        header.addAll(BulkNominations.CSV_COLUMNS);
        return Response.ok(org.passerelle.runtime.csv.CsvWriter.write(header, lines), org.passerelle.runtime.csv.CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"mobilities.csv\"").build();
    }

    /** Who read whose data, as @AuditedRead records it for the JSON answers, which it cannot find in CSV bytes. */
    private void auditRead(List<MobilityView> views) {
        var people = views.stream().map(v -> v.person().personId()).filter(java.util.Objects::nonNull).distinct().toList();
        if (!people.isEmpty()) {
            var read = new org.passerelle.runtime.privacy.PersonalDataRead(caller.subject(), caller.institution().orElse(null),
                    "GET /api/mobilities (CSV)", people, Instant.now());
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .run(() -> outbox.append(read.actor() == null ? "anonymous" : read.actor(), read));
        }
    }

    /** A mobility as a line of the export, in the order of its header: mobilityId, status, then the nomination's columns. */
    static List<String> csvLine(MobilityView m) {
        var p = m.person();
        return java.util.Arrays.asList(m.id().toString(), m.status().name(), m.agreementId().toString(), m.conditionId().toString(),
                m.academicYear(), String.valueOf(m.plannedArrival()), String.valueOf(m.plannedDeparture()), p.givenName(),
                p.familyName(), p.chineseName(), p.email(), p.ine(), p.studentNumber(),
                p.personId() == null ? null : p.personId().toString(),
                String.join(" ", m.sessions().stream().map(s -> s.sessionId().toString()).toList()));
    }

    @GET
    @Path("/changes")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Mobilities changed since an instant, for scripts that poll",
            description = "In the order they changed. Start with changedSince (an instant); then pass back the nextCursor of "
                    + "each answer as cursor: a cursor never skips a change and never repeats one; a mobility comes again only "
                    + "when it changed again. An empty answer keeps the cursor: ask again later with it.")
    @APIResponse(responseCode = "200", description = "The changes and the cursor for the next ones")
    @APIResponse(responseCode = "400", description = "A cursor that is not one of ours (urn:passerelle:problem:bad-cursor)")
    @AuditedRead("GET /api/mobilities/changes")
    public ChangesView changes(@QueryParam("changedSince") @Parameter(example = "2026-11-01T00:00:00Z") Instant changedSince,
                               @QueryParam("cursor") @Size(max = 200) String cursor,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        var changes = feed.since(changedSince, cursor, caller.actingFor(), limit);
        return new ChangesView(changes.items().stream().map(MobilityView::of).toList(), changes.nextCursor());
    }

    /** A batch of changes and where the next one starts. */
    @Schema(name = "MobilityChanges")
    public record ChangesView(List<MobilityView> items, String nextCursor) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration", "student"})
    @Operation(summary = "Get one mobility", description = "With its ETag, to send as If-Match with a change.")
    @APIResponse(responseCode = "200", description = "The mobility",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "404", description = "No such mobility for you (urn:passerelle:problem:not-found)")
    @AuditedRead("GET /api/mobilities/{id}")
    public Response get(@PathParam("id") UUID id) {
        return answer(service.find(id, caller.actingFor(), studentEmail()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Nominate a person",
            description = "For a cooperation condition of an active agreement, by its sending side; takes one place of the "
                    + "condition's quota for the academic year and asks curriculum-service to hold the requested sessions "
                    + "(the answer shows in sessions[].seat). Publishes MobilityNominated.")
    @APIResponse(responseCode = "201", description = "The mobility, NOMINATED, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, e.g. a malformed INE (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "409", description = "The agreement is not active (urn:passerelle:problem:agreement-not-active) "
            + "or the condition's places for the year are all taken (urn:passerelle:problem:quota-exhausted)")
    @APIResponse(responseCode = "422", description = "The condition does not cover this nomination: direction or academic year "
            + "(urn:passerelle:problem:condition-mismatch), or the duration (urn:passerelle:problem:duration-outside-condition)")
    public Response nominate(@Valid @NotNull MobilityRequests.NominationRequest nomination,
                             @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never creates twice",
                                     example = "lyon1-2027-summer-0042") String idempotencyKey,
                             @Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, nomination, () -> {
            var mobility = service.nominate(caller.actingFor(), nomination.toNomination(), null);
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(mobility.id.toString()).build(),
                    MobilityView.of(mobility), Long.toString(mobility.version));
        });
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Nominate up to 500 people at once (JSON)",
            description = "Each row is nominated on its own: a refused row (with its problem) loses none of the others. The "
                    + "mobilities created are listed at the Location (GET /api/mobilities?batch=...). Send an Idempotency-Key "
                    + "so that a retried script never creates twice: a retry after the first request died completes the rows "
                    + "it had not done and answers those it had with their mobility.")
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was nominated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkNominations.Result.class)))
    @APIResponse(responseCode = "422", description = NOTHING_NOMINATED,
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = BulkNominations.Refusal.class)))
    public Response nominateAll(@NotNull @Size(max = BulkNominations.MAX_ROWS) List<MobilityRequests.@NotNull NominationRequest> rows,
                                @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never "
                                        + "creates twice", example = "lyon1-2027-summer-cohort") String idempotencyKey,
                                @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, rows,
                creationKey -> created(bulk.nominate(caller.actingFor(), rows, creationKey, headers, uri), uri));
    }

    @POST
    @Path("/bulk")
    @Consumes("text/csv")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Nominate up to 500 people at once (CSV)",
            description = "CSV with a header line naming the columns in English or French (docs/api/csv.md: accord, "
                    + "condition, année universitaire, arrivée prévue, départ prévu, prénom, nom, nom chinois, courriel, INE, "
                    + "numéro étudiant, personne, sessions demandées), in any order, another column being refused (mobilityId "
                    + "and status, which the export writes, are known and not read): agreementId, conditionId, academicYear, "
                    + "plannedArrival, plannedDeparture, givenName, familyName, chineseName, email, ine, studentNumber, personId, "
                    + "requestedSessions (session ids separated by spaces); the first nine are required. The charset is the "
                    + "one declared (`text/csv; charset=windows-1252`), else UTF-8; a file saved by French Excel as \"CSV "
                    + "(séparateur: point-virgule)\" is read as windows-1252. Separated by `;`, `,` or tab, as the header line "
                    + "is (or as a first line `sep=;` says); lines without any value are not rows. Dates as dd/mm/yyyy or "
                    + "yyyy-mm-dd. Each row is nominated on its own, with a result per row; a value that does not read refuses "
                    + "its row only, naming the line and the column. See docs/api/conventions.md, CSV uploads. With an "
                    + "Idempotency-Key, a retry after the first request died completes it without nominating any row twice.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one nomination", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was nominated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkNominations.Result.class)))
    @APIResponse(responseCode = "400", description = "Not readable as CSV: bytes that are not of the charset, a header line without "
            + "the required columns or separator or with a column it does not know, an unclosed quote; `errors` names what and the line (urn:passerelle:problem:bad-csv)")
    @APIResponse(responseCode = "422", description = NOTHING_NOMINATED,
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = BulkNominations.Refusal.class)))
    public Response nominateCsv(@NotNull byte[] csv, @HeaderParam("Idempotency-Key") @Parameter(description = "So that a "
                                        + "retried request never creates twice", example = "lyon1-2027-summer-cohort") String idempotencyKey,
                                @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, csv,
                creationKey -> created(bulk.nominateCsv(caller.actingFor(), csv, creationKey, headers, uri), uri));
    }

    private static final String NOTHING_NOMINATED = "No row was nominated (urn:passerelle:problem:nothing-nominated): rows "
            + "gives each one's problem; nothing was created, so the Idempotency-Key is free for a corrected request";

    /** A bulk that nominated no row: the problem, with the result of every row. */
    @ServerExceptionMapper
    public Response nothingNominated(BulkNominations.NothingNominated e, HttpHeaders headers, UriInfo uri) {
        Response problem = ProblemResponses.of(e.type(), headers, uri, e.arguments());
        return Response.fromResponse(problem)
                .entity(BulkNominations.Refusal.of((org.passerelle.runtime.problem.Problem) problem.getEntity(), e.result()))
                .build();
    }

    private static IdempotentCreations.Created created(BulkNominations.Result result, UriInfo uri) {
        return new IdempotentCreations.Created(uri.getBaseUriBuilder().path("api/mobilities").queryParam("batch", result.batchId()).build(),
                result, null);
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Accept a nomination (receiving side)", description = "Publishes MobilityAccepted. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The mobility, ACCEPTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "403", description = "Not the receiving side (urn:passerelle:problem:not-receiving-side)")
    @APIResponse(responseCode = "409", description = "Not nominated (urn:passerelle:problem:mobility-status)")
    public Response accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return answer(service.accept(id, Versions.required(ifMatch), caller.actingFor()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Reject a nomination (receiving side), with the reason",
            description = "Frees the quota place and the seats. Publishes MobilityRejected. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The mobility, REJECTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "400", description = "No reason (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "Not the receiving side (urn:passerelle:problem:not-receiving-side)")
    @APIResponse(responseCode = "409", description = "Not nominated (urn:passerelle:problem:mobility-status)")
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull MobilityRequests.Reason rejection) {
        return answer(service.reject(id, Versions.required(ifMatch), caller.actingFor(), rejection.reason()));
    }

    @POST
    @Path("/{id}/arrival")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Confirm the arrival (receiving side)", description = "ACCEPTED -> IN_PROGRESS. Publishes MobilityStarted. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The mobility, IN_PROGRESS",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "409", description = "Not accepted (urn:passerelle:problem:mobility-status), or lines of the "
            + "checklist not met, listed in lines (urn:passerelle:problem:checklist-incomplete)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = org.passerelle.mobility.documents.api.StartRefusal.class)))
    public Response arrive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull MobilityRequests.ConfirmedDate arrival) {
        checklists.requireStartAllowed(id, caller.actingFor());
        return answer(service.arrive(id, Versions.required(ifMatch), caller.actingFor(), arrival.on()));
    }

    @POST
    @Path("/{id}/departure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Confirm the departure (receiving side)", description = "IN_PROGRESS -> COMPLETED. Publishes MobilityCompleted. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The mobility, COMPLETED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "409", description = "Not in progress (urn:passerelle:problem:mobility-status)")
    public Response depart(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull MobilityRequests.ConfirmedDate departure) {
        return answer(service.depart(id, Versions.required(ifMatch), caller.actingFor(), departure.on()));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Cancel before arrival (either side), with the reason",
            description = "Frees the quota place and the seats. Publishes MobilityCancelled. Send If-Match.")
    @APIResponse(responseCode = "200", description = "The mobility, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobilityView.class)))
    @APIResponse(responseCode = "409", description = "Already started, finished or closed (urn:passerelle:problem:mobility-status)")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull MobilityRequests.Reason cancellation) {
        return answer(service.cancel(id, Versions.required(ifMatch), caller.actingFor(), cancellation.reason()));
    }

    private static Response answer(Mobility mobility) {
        return Response.ok(MobilityView.of(mobility)).tag(Versions.etag(mobility.version)).build();
    }

    /** A student sees the mobilities of their own email, and nothing else. */
    private String studentEmail() {
        if (caller.isInternationalOffice() || caller.hasRole("coordinator") || caller.hasRole("integration")) {
            return null;
        }
        return caller.email();
    }
}
