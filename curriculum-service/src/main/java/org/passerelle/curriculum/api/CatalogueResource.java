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

    @Inject
    CatalogueItemRepository items;

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
    @Operation(summary = "Search the catalogue",
            description = "Any signed-in role. Published items unless status says otherwise; by English title, then id. "
                    + "Text matches the titles in French, English and Chinese, accents and case aside (\"hepato\" finds "
                    + "\"Hépato-gastroentérologie\", \"肝\" finds 肝胆外科). The academic year, the period (from, to: the "
                    + "session overlaps it) and free seats concern one same session of the item.")
    @APIResponse(responseCode = "200", description = "One page of catalogue items")
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
            @Parameter(description = "An open session has at least this many seats free", example = "1") Integer freeSeats) {
        var search = new CatalogueItemRepository.Search(status, kind, teachingLanguage, specialty, hospital, text,
                academicYear, from, to, freeSeats);
        var found = items.search(search, page);
        return new Page<>(ItemView.summaries(found.items()), found.page(), found.size(), found.totalItems(), found.totalPages());
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
    @APIResponse(responseCode = "200", description = "The item")
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
    @APIResponse(responseCode = "200", description = "The revised item, with its new ETag")
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
    @APIResponse(responseCode = "200", description = "The withdrawn item")
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
    @Operation(summary = "List the sessions of an item", description = "Earliest first, with seats held and free.")
    @APIResponse(responseCode = "200", description = "The sessions")
    @APIResponse(responseCode = "404", description = "No item has this id (urn:passerelle:problem:not-found)")
    public List<SessionView> sessions(@PathParam("id") UUID id) {
        catalogue.item(id);
        return sessions.ofItem(id).stream().map(SessionView::of).toList();
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
