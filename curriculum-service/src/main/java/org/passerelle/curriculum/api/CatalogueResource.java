package org.passerelle.curriculum.api;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.CatalogueItemRepository;
import org.passerelle.curriculum.CatalogueItemStatus;
import org.passerelle.curriculum.CatalogueService;
import org.passerelle.curriculum.SessionRepository;
import org.passerelle.curriculum.credits.CreditConversions;
import org.passerelle.runtime.bulk.BulkImport;
import org.passerelle.runtime.csv.CsvWriter;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogueResource {

    static final String INTERNSHIP_EXAMPLE = """
            {"kind":"CLINICAL_INTERNSHIP",
             "title":{"fr":"Stage clinique en hépato-gastroentérologie","en":"Clinical internship in hepato-gastroenterology","zh":"肝胆外科临床实习"},
             "description":{"fr":"Huit semaines dans le service de chirurgie hépatobiliaire de l'hôpital Ruijin.",
                            "en":"Eight weeks in the hepatobiliary surgery department of Ruijin Hospital.","zh":"在瑞金医院肝胆外科实习八周。"},
             "teachingLanguage":"fr","hospital":"Ruijin Hospital","department":"Hepatobiliary surgery",
             "specialty":"Hepato-gastroenterology","durationWeeks":8,"minimumYearOfStudy":4,
             "requirements":["HEPATITIS_B_VACCINATION","HEALTH_INSURANCE"],
             "supervisor":{"account":"4b7e9c2d-1f3a-4e5b-8c6d-0a9b8c7d6e5f","name":"王芳 Wáng Fāng"},
             "credits":{"chineseCredits":4,"conversionRuleId":"a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e1b"}}""";

    /** CSV when Accept asks for it: of lower quality than JSON, so that a request accepting anything gets JSON. */
    static final String CSV_UNLESS_ASKED = "text/csv;qs=0.5";
    static final int EXPORT_LIMIT = 10_000;
    static final String NOTHING_IMPORTED = "No row was created or matched (urn:passerelle:problem:nothing-imported): rows "
            + "gives each one's problem; nothing was created, so the Idempotency-Key is free for a corrected request";
    // one operation in the OpenAPI document, answered as JSON or, when Accept asks for it, as CSV
    private static final String SEARCH_SUMMARY = "Search the catalogue";
    private static final String SEARCH_DESCRIPTION = "Any signed-in role. Published items unless status says otherwise; by "
            + "English title, then id. Text matches the titles in French, English and Chinese, accents and case aside "
            + "(\"hepato\" finds \"Hépato-gastroentérologie\", \"肝\" finds 肝胆外科). The academic year, the period (from, "
            + "to: the session overlaps it) and free seats concern one same session of the item; offeredBy keeps the items of one "
            + "institution (the French placements offered to outbound Chinese students, say). With `Accept: text/csv`, "
            + "every item found (every page, at most 10,000; page and size do not apply) with all its fields, in the form "
            + "POST /api/catalogue/bulk reads: `;`-separated, UTF-8 with a byte-order mark (docs/api/csv.md). Sent back, "
            + "edited or not, each line matches its item by id: nothing is created twice.";
    private static final String SEARCH_ANSWER = "One page of catalogue items, or all of them as CSV";
    private static final String SESSIONS_SUMMARY = "List the sessions of an item";
    private static final String SESSIONS_DESCRIPTION = "Earliest first, with seats held and free. With `Accept: text/csv`, in "
            + "the form POST /api/catalogue/sessions/bulk reads (docs/api/csv.md); sent back, each line matches its session.";
    private static final String SESSIONS_ANSWER = "The sessions, as JSON or CSV";
    private static final String ITEMS_CSV_EXAMPLE = """
            kind;titleFr;titleEn;titleZh;descriptionFr;descriptionEn;descriptionZh;teachingLanguage;code;hours;term
            BASIC_COURSE;Anatomie;Anatomy;解剖学;Cours d'anatomie;Anatomy course;解剖学课程;zh;MED-ANAT-101;48;AUTUMN
            """;

    @Inject
    CatalogueItemRepository items;

    @Inject
    CatalogueBulk bulk;

    @Inject
    SessionRepository sessions;

    @Inject
    CatalogueService catalogue;

    @Inject
    CreditConversions conversions;

    @Inject
    Caller caller;

    @Inject
    IdempotentCreations creations;

    /** Who offers an item published without offeredBy. */
    @ConfigProperty(name = "passerelle.home-institution", defaultValue = "sjtu.edu.cn")
    String homeInstitution;

    @GET
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = SEARCH_SUMMARY, description = SEARCH_DESCRIPTION)
    @APIResponse(responseCode = "200", description = SEARCH_ANSWER)
    @APIResponse(responseCode = "400", description = "A filter is not allowed (urn:passerelle:problem:validation)")
    public Page<ItemView.Summary> search(
            @BeanParam @Valid PageRequest page,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Text in a title, any of the three languages", example = "hepato") String text,
            @QueryParam("kind") CatalogueItemKind kind,
            @QueryParam("status") @Parameter(description = "PUBLISHED by default") CatalogueItemStatus status,
            @QueryParam("teachingLanguage") @Pattern(regexp = "[a-z]{2,3}", message = "{passerelle.language}")
            @Parameter(example = "fr") String teachingLanguage,
            @QueryParam("specialty") @Size(max = 200) @Parameter(description = "Exact, case aside", example = "Hepato-gastroenterology") String specialty,
            @QueryParam("hospital") @Size(max = 200) @Parameter(description = "Exact, case aside", example = "Ruijin Hospital") String hospital,
            @QueryParam("academicYear") @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}")
            @Parameter(example = "2026/2027") String academicYear,
            @QueryParam("from") @Parameter(description = "A session ends on or after this date", example = "2027-07-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "A session starts on or before this date", example = "2027-08-31") LocalDate to,
            @QueryParam("freeSeats") @Min(1) @Max(10000)
            @Parameter(description = "An open session has at least this many seats free", example = "1") Integer freeSeats,
            @QueryParam("offeredBy") @Size(max = 100) @Pattern(regexp = "[a-z0-9.-]+", message = "{passerelle.schac-code}")
            @Parameter(description = "The institution that offers the item (its SCHAC code), e.g. a French university's "
                    + "placements for outbound students", example = "univ-lyon1.fr") String offeredBy) {
        var search = new CatalogueItemRepository.Search(status, kind, teachingLanguage, specialty, hospital, text,
                academicYear, from, to, freeSeats, offeredBy);
        var found = items.search(search, page);
        return new Page<>(ItemView.summaries(found.items()), found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    @GET
    @Produces(CSV_UNLESS_ASKED)
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = SEARCH_SUMMARY, description = SEARCH_DESCRIPTION)
    @APIResponse(responseCode = "200", description = SEARCH_ANSWER,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "catalogue", value = ITEMS_CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter is not allowed (urn:passerelle:problem:validation)")
    public Response export(
            @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("kind") CatalogueItemKind kind,
            @QueryParam("status") CatalogueItemStatus status,
            @QueryParam("teachingLanguage") @Pattern(regexp = "[a-z]{2,3}", message = "{passerelle.language}") String teachingLanguage,
            @QueryParam("specialty") @Size(max = 200) String specialty,
            @QueryParam("hospital") @Size(max = 200) String hospital,
            @QueryParam("academicYear") @Pattern(regexp = "[0-9]{4}/[0-9]{4}", message = "{passerelle.academic-year}") String academicYear,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("freeSeats") @Min(1) @Max(10000) Integer freeSeats,
            @QueryParam("offeredBy") @Size(max = 100) @Pattern(regexp = "[a-z0-9.-]+", message = "{passerelle.schac-code}") String offeredBy) {
        var search = new CatalogueItemRepository.Search(status, kind, teachingLanguage, specialty, hospital, text,
                academicYear, from, to, freeSeats, offeredBy);
        var page = new PageRequest();
        page.size = PageRequest.MAX_SIZE;
        var lines = new java.util.ArrayList<List<String>>();
        for (page.page = 0; lines.size() < EXPORT_LIMIT; page.page++) {
            var found = items.search(search, page).items();
            found.forEach(i -> lines.add(CatalogueCsv.line(ItemView.of(i))));
            if (found.size() < page.size) {
                break;
            }
        }
        return Response.ok(CsvWriter.write(CatalogueCsv.ITEM_COLUMNS.names(), lines), CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"catalogue.csv\"").build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Publish up to 500 catalogue items at once (JSON)",
            description = "Each row on its own, with a result per row: CREATED; MATCHED when an item of the same kind and code "
                    + "is offered already (nothing is created or changed); or REFUSED with its problem, losing none of the "
                    + "others. Send an Idempotency-Key so that a retried script never publishes twice.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one internship", value = "[" + INTERNSHIP_EXAMPLE + "]")))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was created or matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkImport.Result.class)))
    @APIResponse(responseCode = "400", description = "More than 500 rows (urn:passerelle:problem:validation); nothing was published")
    @APIResponse(responseCode = "422", description = NOTHING_IMPORTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BulkImport.Refusal.class)))
    public Response publishAll(@NotNull List<ItemRequests.@NotNull ItemDraft> rows,
                               @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never "
                                       + "publishes twice", example = "catalogue-2027") String idempotencyKey,
                               @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, rows,
                creationKey -> bulkCreated(bulk.publish(rows, creationKey, headers, uri), uri));
    }

    @POST
    @Path("/bulk")
    @Consumes("text/csv")
    @RolesAllowed("admin")
    @Operation(summary = "Publish up to 500 catalogue items at once (CSV)",
            description = "A header line naming the columns in English or French, in any order (docs/api/csv.md): id, kind "
                    + "(type), titleFr, titleEn, titleZh, descriptionFr, descriptionEn, descriptionZh, teachingLanguage (langue), "
                    + "code, hours (heures), term (semestre), hospital (hôpital), department (service), specialty (spécialité), "
                    + "durationWeeks, minimumYearOfStudy, requirements (exigences, separated by spaces), laboratory "
                    + "(laboratoire), principalInvestigator, topic (sujet), durationMonths, supervisorAccount, supervisorName "
                    + "(encadrant), chineseCredits (crédits chinois), ects, conversionRuleId; the titles, descriptions, kind "
                    + "and teachingLanguage are required; another column is refused. Numbers as 4.5 or 4,5. A row with the id "
                    + "of an item, or the kind and code of one offered, is MATCHED; the others are published, each on its own.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one course", value = ITEMS_CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was created or matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkImport.Result.class)))
    @APIResponse(responseCode = "400", description = "Not readable as CSV: an empty file, a header with a missing or unknown "
            + "column, bytes not of the charset (urn:passerelle:problem:bad-csv); more than 500 rows "
            + "(urn:passerelle:problem:validation). Nothing was published")
    @APIResponse(responseCode = "422", description = NOTHING_IMPORTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BulkImport.Refusal.class)))
    public Response publishCsv(@NotNull byte[] csv,
                               @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never "
                                       + "publishes twice", example = "catalogue-2027") String idempotencyKey,
                               @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, csv,
                creationKey -> bulkCreated(bulk.publishCsv(csv, creationKey, headers, uri), uri));
    }

    static IdempotentCreations.Created bulkCreated(BulkImport.Result result, UriInfo uri) {
        return new IdempotentCreations.Created(uri.getBaseUriBuilder().path("api/catalogue").build(), result, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Publish a catalogue item",
            description = "The international office adds a basic course, clinical internship, research placement or summer "
                    + "programme. Publishes CatalogueItemPublished. Credits: give the Chinese credits and a conversion "
                    + "rule, and the ECTS are converted (both are stored, with the rule).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "internship", value = INTERNSHIP_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The item, at its Location, with its ETag; a retry with the same "
            + "Idempotency-Key answers the same, with Idempotency-Replayed: true",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule, e.g. a field the kind does not have, or credits "
            + "that disagree with the rule (urn:passerelle:problem:validation, errors name each field)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response publish(@Valid @NotNull ItemRequests.ItemDraft draft,
                            @HeaderParam("Idempotency-Key") @Parameter(description = "A key of the caller's choosing, so "
                                    + "that a retried request never creates twice", example = "ruijin-hpb-2027") String idempotencyKey,
                            @Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, draft, () -> {
            var item = catalogue.publish(draft.details(credits(draft), homeInstitution));
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(item.id.toString()).build(),
                    ItemView.of(item), Long.toString(item.version));
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one catalogue item", description = "With all the fields of its kind and its ETag, to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "No item has this id (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var item = catalogue.item(id);
        return Response.ok(ItemView.of(item)).tag(Versions.etag(item.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Revise a catalogue item",
            description = "The international office, or the item's supervisor (the subject of their token is the item's "
                    + "supervisor.account; they cannot hand the item to another supervisor). Send If-Match with the ETag "
                    + "you read. Publishes CatalogueItemChanged.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "internship", value = INTERNSHIP_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The revised item, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "The item is withdrawn (urn:passerelle:problem:catalogue-item-withdrawn)")
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ItemRequests.ItemDraft draft) {
        long version = Versions.required(ifMatch);
        var item = catalogue.revise(id, version, caller, draft.details(credits(draft), null));
        return Response.ok(ItemView.of(item)).tag(Versions.etag(item.version)).build();
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Withdraw a catalogue item",
            description = "The item and its sessions are no longer offered; kept for the record. Refused while a session "
                    + "has holders. Send If-Match. Publishes CatalogueItemWithdrawn.")
    @APIResponse(responseCode = "200", description = "The withdrawn item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "A session has holders (urn:passerelle:problem:session-held), or the "
            + "item is already withdrawn (urn:passerelle:problem:catalogue-item-withdrawn)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        long version = Versions.required(ifMatch);
        var item = catalogue.withdrawItem(id, version, caller);
        return Response.ok(ItemView.of(item)).tag(Versions.etag(item.version)).build();
    }

    @GET
    @Path("/{id}/sessions")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = SESSIONS_SUMMARY, description = SESSIONS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = SESSIONS_ANSWER)
    @APIResponse(responseCode = "404", description = "No item has this id (urn:passerelle:problem:not-found)")
    public List<SessionView> sessions(@PathParam("id") UUID id) {
        catalogue.item(id);
        return sessions.ofItem(id).stream().map(SessionView::of).toList();
    }

    @GET
    @Path("/{id}/sessions")
    @Produces(CSV_UNLESS_ASKED)
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = SESSIONS_SUMMARY, description = SESSIONS_DESCRIPTION)
    @APIResponse(responseCode = "200", description = SESSIONS_ANSWER,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "sessions", value = """
                            id;itemId;academicYear;startDate;endDate;capacity
                            9c4e2a1b-3d5f-4a6b-8c7d-0e1f2a3b4c5d;5a1f3c7e-2b4d-4e6f-8a0c-1d3e5f7a9b20;2026/2027;2027-07-05;2027-07-30;30
                            """)))
    @APIResponse(responseCode = "404", description = "No item has this id (urn:passerelle:problem:not-found)")
    public Response sessionsCsv(@PathParam("id") UUID id) {
        catalogue.item(id);
        var lines = sessions.ofItem(id).stream().map(s -> CatalogueCsv.line(SessionView.of(s))).toList();
        return Response.ok(CsvWriter.write(CatalogueCsv.SESSION_COLUMNS.names(), lines), CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"sessions.csv\"").build();
    }

    @POST
    @Path("/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Plan a session of an item",
            description = "A period of an academic year with a capacity; it takes seat holds once opened. The start date "
                    + "lies in the academic year (September to August).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "summer programme",
            value = "{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":30}")))
    @APIResponse(responseCode = "201", description = "The PLANNED session, at its Location, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "The period is not one of the academic year, or ends before it starts "
            + "(urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "The item is withdrawn (urn:passerelle:problem:catalogue-item-withdrawn)")
    public Response plan(@PathParam("id") UUID id, @Valid @NotNull ItemRequests.SessionDraft draft,
                         @HeaderParam("Idempotency-Key") @Parameter(description = "Makes a retried request create nothing twice",
                                 example = "summer-2027") String idempotencyKey,
                         @Context UriInfo uri) {
        // the item is part of what the key stands for: the same session body for another item is another request
        return creations.create(caller.subject(), idempotencyKey, List.of(id, draft), () -> {
            var session = catalogue.plan(id, caller, draft.academicYear(), draft.startDate(), draft.endDate(), draft.capacity());
            return new IdempotentCreations.Created(uri.getBaseUriBuilder().path("api/catalogue/sessions")
                    .path(session.id.toString()).build(), SessionView.of(session), Long.toString(session.version));
        });
    }

    private org.passerelle.curriculum.Credits credits(ItemRequests.ItemDraft draft) {
        var c = draft.credits();
        return c == null ? null : conversions.credits(c.chineseCredits(), c.ects(), c.conversionRuleId());
    }
}
