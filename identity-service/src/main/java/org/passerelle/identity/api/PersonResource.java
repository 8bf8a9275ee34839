package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.identity.IdentifierScheme;
import org.passerelle.identity.PersonKind;
import org.passerelle.identity.PersonRepository;
import org.passerelle.identity.PersonService;
import org.passerelle.identity.privacy.AuditLog;
import org.passerelle.identity.privacy.ErasureService;
import org.passerelle.identity.privacy.PersonalDataExport;
import org.passerelle.runtime.bulk.BulkImport;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.util.List;
import java.util.UUID;

@Path("/api/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class PersonResource {

    static final String PERSON_EXAMPLE = """
            {"kind": "STUDENT", "institution": "sjtu.edu.cn",
             "name": {"given": "Fang", "family": "Wang"},
             "chineseName": {"given": "芳", "family": "王", "givenPinyin": "Fāng", "familyPinyin": "Wáng"},
             "dateOfBirth": "2003-04-17", "nationality": "CN", "email": "wang.fang@sjtusm.example",
             "identifiers": [{"scheme": "SJTU_STUDENT_NUMBER", "value": "519111910042"},
                             {"scheme": "PASSPORT", "value": "EA1234567", "issuingCountry": "CN"}]}""";

    static final String CSV = "text/csv";
    /** CSV when Accept asks for it: of lower quality than JSON, so that a request accepting anything gets JSON. */
    static final String CSV_UNLESS_ASKED = "text/csv;qs=0.5";
    static final int EXPORT_LIMIT = 10_000;
    // one operation in the OpenAPI document, answered as JSON or, when Accept asks for it, as CSV
    private static final String LIST_SUMMARY = "List and find people";
    private static final String LIST_DESCRIPTION = "Ordered by family name, then given name. A coordinator or integration "
            + "client sees the people of its own institution (from the token); the international office sees all. `identifier` "
            + "finds a person by the value of any of their identifiers (INE, SJTU student number, ESI, passport), in any case "
            + "and width (\"123456789ab\" finds INE 123456789AB). `name` finds people by their names, whatever the accents, "
            + "case, apostrophes and hyphens. With `Accept: text/csv`, all of them (every page, at most 10,000; page and size "
            + "do not apply) as CSV in the form POST /api/people/bulk reads: `;`-separated, UTF-8 with a byte-order mark, "
            + "dates yyyy-mm-dd (docs/api/csv.md). Sent back, edited or not, each line matches its person by id: nothing is "
            + "created twice.";
    private static final String LIST_ANSWER = "One page of people, or all of them as CSV";
    private static final String NOTHING_IMPORTED = "No row was created or matched (urn:passerelle:problem:nothing-imported): "
            + "rows gives each one's problem; nothing was registered, so the Idempotency-Key is free for a corrected request";
    private static final String PEOPLE_CSV_EXAMPLE = """
            id;kind;institution;givenName;familyName;chineseGivenName;chineseFamilyName;givenPinyin;familyPinyin;dateOfBirth;nationality;email;ine;sjtuStudentNumber;esi;passport;passportCountry
            3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b;STUDENT;u-paris.fr;Éloïse;D'Aubigné;;;;;2003-04-17;FR;eloise.daubigne@u-paris.example;123456789AB;;;;
            """;
    private static final String PEOPLE_CSV_FR_EXAMPLE = """
            Type;Établissement;Prénom;Nom;Date de naissance;Nationalité;Courriel;INE
            STUDENT;u-paris.fr;Éloïse;D'Aubigné;17/04/2003;FR;eloise.daubigne@u-paris.example;123456789AB
            """;

    @Inject
    PersonRepository people;

    @Inject
    PeopleBulk bulk;

    @Inject
    PersonService service;

    @Inject
    Caller caller;

    @Inject
    IdempotentCreations creations;

    @Inject
    ErasureService erasures;

    @Inject
    PersonalDataExport exports;

    @Inject
    AuditLog audit;

    @Inject
    org.eclipse.microprofile.jwt.JsonWebToken token;

    @GET
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = LIST_ANSWER)
    public Page<PersonView> list(@BeanParam @Valid PageRequest page,
                                 @QueryParam("identifier") @Parameter(example = "123456789AB") @Size(max = 200) String identifier,
                                 @QueryParam("scheme") @Parameter(description = "Limits `identifier` to one scheme", example = "INE")
                                 IdentifierScheme scheme,
                                 @QueryParam("kind") PersonKind kind,
                                 @QueryParam("name") @Size(max = 200)
                                 @Parameter(description = "Words each found in the person's given or family name, Chinese "
                                         + "characters or pinyin, in any order, whatever the accents and case: \"eloise daubigne\" "
                                         + "finds Éloïse D’Aubigné, \"王\" finds 王芳", example = "daubigne")
                                 String name) {
        var found = people.list(new PersonRepository.Filter(caller.actingFor(), identifier, scheme, kind, name), page);
        audit.recordHere(caller.subject(), caller.institution().orElse(null), "GET /api/people", found.items().stream().map(p -> p.id).toList());
        return found.map(PersonView::of);
    }

    @GET
    @Produces(CSV_UNLESS_ASKED)
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = LIST_ANSWER,
            content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "people", value = PEOPLE_CSV_EXAMPLE)))
    public Response export(@QueryParam("identifier") @Parameter(example = "123456789AB") @Size(max = 200) String identifier,
                           @QueryParam("scheme") IdentifierScheme scheme,
                           @QueryParam("kind") PersonKind kind,
                           @QueryParam("name") @Size(max = 200) String name) {
        var filter = new PersonRepository.Filter(caller.actingFor(), identifier, scheme, kind, name);
        var found = new java.util.ArrayList<org.passerelle.identity.Person>();
        var page = new PageRequest();
        page.size = PageRequest.MAX_SIZE;
        for (page.page = 0; found.size() < EXPORT_LIMIT; page.page++) {
            var items = people.list(filter, page).items();
            found.addAll(items);
            if (items.size() < page.size) {
                break;
            }
        }
        audit.recordHere(caller.subject(), caller.institution().orElse(null), "GET /api/people (CSV)", found.stream().map(p -> p.id).toList());
        byte[] csv = org.passerelle.runtime.csv.CsvWriter.write(PeopleCsv.COLUMNS.names(),
                found.stream().map(p -> PeopleCsv.line(PersonView.of(p))).toList());
        return Response.ok(csv, org.passerelle.runtime.csv.CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"people.csv\"").build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Register up to 500 people at once (JSON)",
            description = "Each row on its own, with a result per row: CREATED, MATCHED (a person already holds one of its "
                    + "identifiers, as INE or SJTU student number, also one registered by an earlier row: nothing is created "
                    + "or changed) or REFUSED with its problem; a refused row loses none of the others. Send an "
                    + "Idempotency-Key so that a retried script never registers twice.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one student", value = "[" + PERSON_EXAMPLE + "]")))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was created or matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkImport.Result.class)))
    @APIResponse(responseCode = "400", description = "More than 500 rows (urn:passerelle:problem:validation); nothing was registered")
    @APIResponse(responseCode = "422", description = NOTHING_IMPORTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BulkImport.Refusal.class)))
    public Response registerAll(@NotNull List<@NotNull PersonRequest> rows,
                                @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never "
                                        + "registers twice", example = "paris-2027-cohort") String idempotencyKey,
                                @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, rows,
                creationKey -> created(bulk.register(rows, creationKey, headers, uri), uri));
    }

    @POST
    @Path("/bulk")
    @Consumes(CSV)
    @RolesAllowed("admin")
    @Operation(summary = "Register up to 500 people at once (CSV)",
            description = "A header line naming the columns in English or French, in any order: id, kind (type), institution "
                    + "(établissement), givenName (prénom), familyName (nom), chineseGivenName, chineseFamilyName, givenPinyin, "
                    + "familyPinyin, dateOfBirth (date de naissance), nationality (nationalité), email (courriel), ine, "
                    + "sjtuStudentNumber (numéro étudiant SJTU), esi, passport (passeport), passportCountry; kind, institution, "
                    + "givenName, familyName and email are required; another column is refused. As French Excel writes it "
                    + "(`;`, windows-1252, dates dd/mm/yyyy) or as UTF-8 with `,`; see docs/api/csv.md. A row with an id of "
                    + "a registered person, or one of their identifiers, is MATCHED; the others are registered, each on its own.")
    @RequestBody(content = @Content(mediaType = CSV, examples = @ExampleObject(name = "French Excel", value = PEOPLE_CSV_FR_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was created or matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkImport.Result.class)))
    @APIResponse(responseCode = "400", description = "Not readable as CSV: an empty file, a header with a missing or unknown "
            + "column, bytes not of the charset, UTF-16 without byte-order mark (urn:passerelle:problem:bad-csv); more than 500 "
            + "rows (urn:passerelle:problem:validation). Nothing was registered")
    @APIResponse(responseCode = "422", description = NOTHING_IMPORTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BulkImport.Refusal.class)))
    public Response registerCsv(@NotNull byte[] csv,
                                @HeaderParam("Idempotency-Key") @Parameter(description = "So that a retried request never "
                                        + "registers twice", example = "paris-2027-cohort") String idempotencyKey,
                                @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, csv,
                creationKey -> created(bulk.registerCsv(csv, creationKey, headers, uri), uri));
    }

    private static IdempotentCreations.Created created(BulkImport.Result result, UriInfo uri) {
        return new IdempotentCreations.Created(uri.getBaseUriBuilder().path("api/people").build(), result, null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "integration"})
    @Operation(summary = "Get one person", description = "With the ETag to send in If-Match when changing them. A person of "
            + "another institution is not found.")
    @APIResponse(responseCode = "200", description = "The person",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "404", description = "No person with this id within reach (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var person = service.find(id, caller.actingFor());
        audit.recordHere(caller.subject(), caller.institution().orElse(null), "GET /api/people/{id}", java.util.List.of(person.id));
        return Response.ok(PersonView.of(person)).tag(Versions.etag(person.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Register a person",
            description = "A student or member of staff of a registered institution. Each identifier belongs to one person: "
                    + "a second person with the same one is refused, even when both are registered at the same moment.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "王芳 Wáng Fāng", value = PERSON_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The person, at their Location, with the ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "Another person has one of these identifiers; `errors` names it "
            + "(urn:passerelle:problem:duplicate-identifier)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response register(@Valid @NotNull PersonRequest request,
                             @HeaderParam("Idempotency-Key") @Parameter(description = "A key of the caller's choosing, so that "
                                     + "a retried request never registers twice", example = "person-2026-0001") String idempotencyKey,
                             @Context UriInfo uri) {
        return creations.create(caller.subject(), idempotencyKey, request, () -> {
            var person = service.register(request.details());
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(person.id.toString()).build(),
                    PersonView.of(person), Long.toString(person.version));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change a person", description = "The whole person as they should be; send If-Match with the ETag you read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "王芳 Wáng Fāng", value = PERSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The changed person, with the new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "404", description = "No person with this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "Another person has one of these identifiers "
            + "(urn:passerelle:problem:duplicate-identifier)")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull PersonRequest request) {
        long version = Versions.required(ifMatch);
        var person = service.change(id, version, request.details());
        return Response.ok(PersonView.of(person)).tag(Versions.etag(person.version)).build();
    }

    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Erase a person",
            description = "At the person's request or when the data is no longer needed (GDPR, PIPL). Their account is "
                    + "disabled and loses their name and email in Keycloak, their data is deleted here, and PersonErased tells "
                    + "every service to delete or anonymise what it holds (mobilities still count, anonymised). What stays is "
                    + "the erasure: who, when and the reason, which must not name the person.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "At the student's request",
            value = "{\"reason\": \"Request of the data subject received by the DPO on 2027-09-28, ticket DPO-2027-014\"}")))
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "erased", value = """
                    {"personId": "3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "kind": "STUDENT", "institution": "sjtu.edu.cn",
                     "reason": "Request of the data subject received by the DPO on 2027-09-28, ticket DPO-2027-014",
                     "erasedBy": "a6c1e0f2-7b3d-4d9e-9f1a-5c2b8e4d0f37", "erasedAt": "2027-09-30T09:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "No reason (urn:passerelle:problem:validation, `errors` names `reason`)")
    @APIResponse(responseCode = "404", description = "No person with this id, or already erased (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "503", description = "Keycloak could not be reached to disable the account; nothing was erased "
            + "(urn:passerelle:problem:dependency-unavailable)")
    public ErasureView erase(@PathParam("id") UUID id, @Valid @NotNull ErasureRequest request) {
        return ErasureView.of(erasures.erase(id, request.reason(), caller.subject()));
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed({"admin", "student"})
    @Operation(summary = "Export everything about a person",
            description = "One JSON document with what every service holds about the person (GDPR art. 15 and 20, PIPL art. 45): "
                    + "identity-service's person and account, mobility-service's mobilities (also those nominated without the "
                    + "person's id, found by email or identifiers), curriculum-service's seats and supervised items, "
                    + "agreements-service's stored answers of their requests. For the international office, or the person "
                    + "themselves (a student with their own account). Each service is asked with the caller's token. If one "
                    + "does not answer, there is no export: 503 names it.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "export", value = """
                    {"personId": "3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "exportedAt": "2027-09-30T09:00:00Z",
                     "identity-service": {"person": {"id": "3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "kind": "STUDENT"},
                                          "account": {"username": "wang.fang", "role": "STUDENT", "status": "ACTIVE"}},
                     "mobility-service": {"mobilities": [{"id": "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64", "status": "ACCEPTED"}]},
                     "curriculum-service": {"seats": [], "supervisedItems": []},
                     "agreements-service": {"storedAnswers": []}}""")))
    @APIResponse(responseCode = "404", description = "No person with this id, or not the caller (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "503", description = "A service did not give its part; `detail` names it "
            + "(urn:passerelle:problem:export-incomplete)")
    public com.fasterxml.jackson.databind.node.ObjectNode export(@PathParam("id") UUID id) {
        String self = caller.isInternationalOffice() ? null : caller.subject();
        var document = exports.export(id, self, token.getRawToken(), PersonView::of);
        audit.recordHere(caller.subject(), caller.institution().orElse(null), "GET /api/people/{id}/export", java.util.List.of(id));
        return document;
    }
}
