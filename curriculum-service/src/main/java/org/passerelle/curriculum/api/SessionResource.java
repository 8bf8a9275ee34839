package org.passerelle.curriculum.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.passerelle.curriculum.CatalogueService;
import org.passerelle.curriculum.Session;
import org.passerelle.curriculum.seats.SeatLedger;
import org.passerelle.runtime.bulk.BulkImport;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.privacy.AuditedRead;
import org.passerelle.runtime.security.Caller;

import java.util.UUID;
import java.util.function.BiFunction;

@Path("/api/catalogue/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);

    @Inject
    CatalogueService catalogue;

    @Inject
    SeatLedger seats;

    @Inject
    Caller caller;

    @Inject
    CatalogueBulk bulk;

    @Inject
    org.passerelle.runtime.http.IdempotentCreations creations;

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Plan up to 500 sessions at once (JSON)",
            description = "Each row on its own, with a result per row: CREATED; MATCHED when the item already has a session of "
                    + "the same academic year and dates that is not withdrawn (nothing is created or changed); or REFUSED with "
                    + "its problem, losing none of the others. A supervisor plans sessions of their own items only. Send an "
                    + "Idempotency-Key so that a retried script never plans twice.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "summer programme",
            value = "[{\"itemId\":\"5a1f3c7e-2b4d-4e6f-8a0c-1d3e5f7a9b20\",\"session\":{\"academicYear\":\"2026/2027\","
                    + "\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":30}}]")))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was created or matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BulkImport.Result.class)))
    @APIResponse(responseCode = "400", description = "More than 500 rows (urn:passerelle:problem:validation); nothing was planned")
    @APIResponse(responseCode = "422", description = CatalogueResource.NOTHING_IMPORTED,
            content = @Content(mediaType = "application/problem+json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BulkImport.Refusal.class)))
    public Response planAll(@NotNull java.util.List<CatalogueBulk.@NotNull SessionRow> rows,
                            @HeaderParam("Idempotency-Key") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                    description = "So that a retried request never plans twice", example = "sessions-2027") String idempotencyKey,
                            @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, rows,
                creationKey -> CatalogueResource.bulkCreated(bulk.plan(rows, caller, creationKey, headers, uri), uri));
    }

    @POST
    @Path("/bulk")
    @Consumes("text/csv")
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Plan up to 500 sessions at once (CSV)",
            description = "A header line naming the columns in English or French, in any order (docs/api/csv.md): id, itemId "
                    + "(élément), academicYear (année universitaire), startDate (date de début), endDate (date de fin), capacity "
                    + "(capacité); all but id are required; another column is refused. Dates as dd/mm/yyyy or yyyy-mm-dd. A row "
                    + "with the id of a session, or the item, year and dates of one not withdrawn, is MATCHED; the others are "
                    + "planned, each on its own. The sessions of an item export as GET /api/catalogue/{id}/sessions with "
                    + "Accept: text/csv.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "French Excel", value = """
            élément;année universitaire;date de début;date de fin;capacité
            5a1f3c7e-2b4d-4e6f-8a0c-1d3e5f7a9b20;2026/2027;05/07/2027;30/07/2027;30
            """)))
    @APIResponse(responseCode = "201", description = "A result per row; at least one row was created or matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BulkImport.Result.class)))
    @APIResponse(responseCode = "400", description = "Not readable as CSV: an empty file, a header with a missing or unknown "
            + "column, bytes not of the charset (urn:passerelle:problem:bad-csv); more than 500 rows "
            + "(urn:passerelle:problem:validation). Nothing was planned")
    @APIResponse(responseCode = "422", description = CatalogueResource.NOTHING_IMPORTED,
            content = @Content(mediaType = "application/problem+json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BulkImport.Refusal.class)))
    public Response planCsv(@NotNull byte[] csv,
                            @HeaderParam("Idempotency-Key") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                    description = "So that a retried request never plans twice", example = "sessions-2027") String idempotencyKey,
                            @Context HttpHeaders headers, @Context UriInfo uri) {
        return creations.createInSteps(caller.subject(), idempotencyKey, csv,
                creationKey -> CatalogueResource.bulkCreated(bulk.planCsv(csv, caller, creationKey, headers, uri), uri));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one session", description = "With its seats held and free, and its ETag to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No session has this id (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        return answer(catalogue.session(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Change the period or capacity of a session",
            description = "The international office or the item's supervisor. The capacity never goes below the seats "
                    + "held. Send If-Match with the ETag you read.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "more seats",
            value = "{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":36}")))
    @APIResponse(responseCode = "200", description = "The session, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Capacity below the seats held, or a period outside the academic "
            + "year (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "The session is withdrawn (urn:passerelle:problem:session-status)")
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull ItemRequests.SessionDraft draft) {
        long version = Versions.required(ifMatch);
        return answer(catalogue.reschedule(id, version, caller, draft.academicYear(), draft.startDate(),
                draft.endDate(), draft.capacity()));
    }

    @POST
    @Path("/{id}/opening")
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Open a session", description = "From PLANNED or CLOSED: it takes seat holds. Send If-Match. Publishes SessionOpened.")
    @APIResponse(responseCode = "200", description = "The open session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "Already open or withdrawn (urn:passerelle:problem:session-status)")
    public Response open(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return change(ifMatch, (version, caller) -> catalogue.open(id, version, caller));
    }

    @POST
    @Path("/{id}/closing")
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Close a session", description = "No new holds; the seats held stay held. Send If-Match. Publishes SessionClosed.")
    @APIResponse(responseCode = "200", description = "The closed session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "Not open (urn:passerelle:problem:session-status)")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return change(ifMatch, (version, caller) -> catalogue.close(id, version, caller));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Withdraw a session",
            description = "For good. Refused while mobilities hold seats in it, until they are released. Send If-Match. "
                    + "Publishes SessionClosed with withdrawn true if it was open.")
    @APIResponse(responseCode = "200", description = "The withdrawn session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "403", description = "Not the item's supervisor (urn:passerelle:problem:not-supervisor)")
    @APIResponse(responseCode = "409", description = "Seats are held (urn:passerelle:problem:session-held), or already "
            + "withdrawn (urn:passerelle:problem:session-status)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return change(ifMatch, (version, caller) -> catalogue.withdrawSession(id, version, caller));
    }

    @GET
    @Path("/{id}/holders")
    @RolesAllowed({"admin", "supervisor", "coordinator", "integration"})
    @Operation(summary = "List who holds seats in a session",
            description = "Earliest hold first. Every listed role sees the holds and their sending institutions; the "
                    + "mobility and person ids only the international office, the session's supervisor and the "
                    + "coordinators (or integration clients) of the holder's sending institution. Reads of personal data "
                    + "are logged with the reader.")
    @APIResponse(responseCode = "200", description = "One page of holders")
    @APIResponse(responseCode = "404", description = "No session has this id (urn:passerelle:problem:not-found)")
    @AuditedRead("GET /api/catalogue/sessions/{id}/holders")
    public Page<HolderView> holders(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        Session session = catalogue.session(id);
        boolean seesAll = caller.isInternationalOffice() || catalogue.item(session.itemId).isSupervisedBy(caller.subject())
                && caller.hasRole("supervisor");
        var holds = seats.holders(id, page);
        var view = holds.map(h -> seesAll || caller.belongsTo(h.sendingInstitution())
                && (caller.hasRole("coordinator") || caller.hasRole("integration"))
                ? new HolderView(h.mobilityId(), h.personId(), h.sendingInstitution(), h.heldAt(), false)
                : new HolderView(null, null, h.sendingInstitution(), h.heldAt(), true));
        long shown = view.items().stream().filter(h -> !h.personalDataHidden()).count();
        if (shown > 0) {
            LOG.infof("Personal data read: %d holders of session %s by account %s (%s)", shown, id, caller.subject(),
                    caller.institution().orElse(null));
        }
        return view;
    }

    private Response change(String ifMatch, BiFunction<Long, Caller, Session> change) {
        long version = Versions.required(ifMatch);
        return answer(change.apply(version, caller));
    }

    private static Response answer(Session session) {
        return Response.ok(SessionView.of(session)).tag(Versions.etag(session.version)).build();
    }
}
