package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.identity.InstitutionRepository;
import org.passerelle.identity.InstitutionService;
import org.passerelle.runtime.http.IdempotentCreations;
import org.passerelle.runtime.http.Versions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.UUID;

@Path("/api/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
public class InstitutionResource {

    static final String REGISTRATION_EXAMPLE = """
            {"schacCode": "univ-lyon1.fr", "previousSchacCodes": [], "erasmusCode": "F  LYON01", "pic": "999884052",
             "name": {"fr": "Université Claude Bernard Lyon 1", "en": "Claude Bernard University Lyon 1", "zh": "里昂第一大学"},
             "countryCode": "FR",
             "units": [{"kind": "FACULTY", "name": {"fr": "Faculté de médecine Lyon Est", "en": "Lyon Est Faculty of Medicine", "zh": "里昂东医学院"},
                        "units": [{"kind": "DEPARTMENT", "name": {"fr": "Département d'anatomie", "en": "Department of Anatomy", "zh": "解剖学系"}}]}]}""";

    @Inject
    InstitutionRepository institutions;

    @Inject
    InstitutionService service;

    @Inject
    JsonWebToken token;

    @Inject
    IdempotentCreations creations;

    @GET
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "List and find institutions",
            description = "Ordered by SCHAC code. Any signed-in role may read institutions. `schacCode` finds an institution "
                    + "by its current or a previous SCHAC code; `erasmusCode` matches whatever the spacing "
                    + "(`F LYON01`, `F  LYON01` and `FLYON01` find the same institution).")
    @APIResponse(responseCode = "200", description = "One page of institutions")
    public Page<InstitutionResponse> list(
            @BeanParam @Valid PageRequest page,
            @QueryParam("country") @Parameter(example = "FR")
            @Pattern(regexp = "[A-Z]{2}", message = "{passerelle.country-code}") String country,
            @QueryParam("schacCode") @Parameter(description = "Current or previous SCHAC code", example = "u-paris.fr")
            @Size(max = 100) String schacCode,
            @QueryParam("erasmusCode") @Parameter(description = "Erasmus code, any spacing", example = "F LYON01")
            @Size(max = 40) String erasmusCode,
            @QueryParam("pic") @Parameter(example = "999884052") @Size(max = 9) String pic) {
        return institutions.list(new InstitutionRepository.Filter(country, schacCode, erasmusCode, pic), page)
                .map(InstitutionResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator", "student", "supervisor", "integration"})
    @Operation(summary = "Get one institution", description = "With its units as a tree and its ETag, to send in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The institution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionResponse.class)))
    @APIResponse(responseCode = "404", description = "No institution has this id (urn:passerelle:problem:not-found)")
    public Response get(@PathParam("id") UUID id) {
        var institution = service.find(id);
        return Response.ok(InstitutionResponse.of(institution)).tag(Versions.etag(institution.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Register an institution",
            description = "SJTUSM international office only. Publishes InstitutionRegistered. Each SCHAC code (current or "
                    + "previous), Erasmus code and PIC belongs to one institution.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Lyon 1", value = REGISTRATION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The institution, at its Location, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InstitutionResponse.class)))
    @APIResponse(responseCode = "409", description = "A code belongs to another institution; `errors` names the field "
            + "(urn:passerelle:problem:institution-code-taken)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request "
            + "(urn:passerelle:problem:idempotency-key-reused)")
    public Response register(@Valid @NotNull InstitutionRequest request,
                             @HeaderParam("Idempotency-Key") @Parameter(description = "A key of the caller's choosing, "
                                     + "so that a retried request never registers twice", example = "register-lyon1") String idempotencyKey,
                             @Context UriInfo uri) {
        return creations.create(token.getSubject(), idempotencyKey, request, () -> {
            var institution = service.register(request.details());
            return new IdempotentCreations.Created(uri.getAbsolutePathBuilder().path(institution.id.toString()).build(),
                    InstitutionResponse.of(institution), Long.toString(institution.version));
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change an institution",
            description = "The whole institution as it should be; send If-Match with the ETag you read. A replaced SCHAC code "
                    + "becomes a previous code. Units named by id keep their id; units left out are removed. "
                    + "Publishes InstitutionChanged.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Lyon 1", value = REGISTRATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The changed institution, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionResponse.class)))
    @APIResponse(responseCode = "404", description = "No institution has this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "A code belongs to another institution "
            + "(urn:passerelle:problem:institution-code-taken)")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull InstitutionRequest request) {
        long version = Versions.required(ifMatch);
        var institution = service.change(id, version, request.details());
        return Response.ok(InstitutionResponse.of(institution)).tag(Versions.etag(institution.version)).build();
    }
}
