package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.identity.accounts.IntegrationClient;
import org.passerelle.identity.accounts.IntegrationClientRepository;
import org.passerelle.identity.accounts.IntegrationClientService;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.UUID;

@Path("/api/integration-clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration clients")
public class IntegrationClientResource {

    @Schema(name = "IntegrationClientRequest", description = "A client for one institution's integration scripts")
    public record ClientRequest(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,99}", message = "{passerelle.client-id}")
            @Schema(example = "univ-lyon1-nominations") String clientId,
            @NotBlank @Size(max = 100) @Schema(description = "SCHAC code of the institution it acts for", example = "univ-lyon1.fr")
            String institution) {
    }

    @Schema(name = "IntegrationClient")
    public record ClientView(
            UUID id,
            @Schema(example = "univ-lyon1-nominations") String clientId,
            @Schema(example = "univ-lyon1.fr") String institution,
            @Schema(example = "ACTIVE") IntegrationClient.Status status,
            Instant createdAt,
            @Schema(nullable = true) Instant secretRotatedAt,
            @Schema(nullable = true) Instant revokedAt,
            @Schema(nullable = true, description = "Only in the answer to the creation or a rotation, once: it is not kept",
                    example = "vS3yq1l8Yk2mX0p9R4tW7bNcD5eF6gH1") String secret) {

        static ClientView of(IntegrationClient c, String secret) {
            return new ClientView(c.id, c.clientId, c.institution, c.status, c.createdAt, c.secretRotatedAt, c.revokedAt, secret);
        }
    }

    @Inject
    IntegrationClientRepository clients;

    @Inject
    IntegrationClientService service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "List integration clients", description = "By client id, never with a secret. A coordinator sees "
            + "the clients of their own institution (from the token); the international office sees all.")
    @APIResponse(responseCode = "200", description = "One page of integration clients")
    public Page<ClientView> list(@BeanParam @Valid PageRequest page) {
        return clients.list(caller.actingFor(), page).map(c -> ClientView.of(c, null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Get one integration client", description = "Never with its secret. A client of another institution "
            + "is not found.")
    @APIResponse(responseCode = "200", description = "The integration client")
    @APIResponse(responseCode = "404", description = "No client with this id within reach (urn:passerelle:problem:not-found)")
    public ClientView get(@PathParam("id") UUID id) {
        return ClientView.of(service.find(id, caller.actingFor()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create an integration client",
            description = "A confidential Keycloak client with the client credentials grant only; its service account has the "
                    + "role `integration` and the attribute `institution`, so its tokens act for that institution. The answer "
                    + "holds the secret, once. A retry cannot replay the secret, so this creation takes no Idempotency-Key.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Lyon 1 nominations script", value = """
            {"clientId": "univ-lyon1-nominations", "institution": "univ-lyon1.fr"}""")))
    @APIResponse(responseCode = "201", description = "The client, with its secret shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid client id, or not a registered institution "
            + "(urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "409", description = "The client id is taken (urn:passerelle:problem:integration-client-exists)")
    @APIResponse(responseCode = "503", description = "Keycloak is unreachable or refused: nothing was created "
            + "(urn:passerelle:problem:dependency-unavailable)")
    public Response create(@Valid @NotNull ClientRequest request, @Context UriInfo uri) {
        var created = service.create(request.clientId(), request.institution());
        return Response.created(uri.getAbsolutePathBuilder().path(created.client().id.toString()).build())
                .entity(ClientView.of(created.client(), created.secret())).build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @RolesAllowed("admin")
    @Operation(summary = "Rotate the secret", description = "A new secret, shown once in the answer; the previous secret stops "
            + "working at once (tokens it already obtained expire within their lifetime, 15 minutes).")
    @APIResponse(responseCode = "200", description = "The client, with its new secret shown once")
    @APIResponse(responseCode = "404", description = "No client with this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The client was revoked (urn:passerelle:problem:integration-client-revoked)")
    public ClientView rotateSecret(@PathParam("id") UUID id) {
        var rotated = service.rotateSecret(id);
        return ClientView.of(rotated.client(), rotated.secret());
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed("admin")
    @Operation(summary = "Revoke the client", description = "Removes the Keycloak client: its secret no longer obtains tokens. "
            + "The record stays, REVOKED, for the history.")
    @APIResponse(responseCode = "200", description = "The revoked client")
    @APIResponse(responseCode = "404", description = "No client with this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "Already revoked (urn:passerelle:problem:integration-client-revoked)")
    public ClientView revoke(@PathParam("id") UUID id) {
        return ClientView.of(service.revoke(id), null);
    }
}
