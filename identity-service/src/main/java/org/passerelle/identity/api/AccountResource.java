package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.passerelle.identity.accounts.Account;
import org.passerelle.identity.accounts.AccountRepository;
import org.passerelle.identity.accounts.AccountRole;
import org.passerelle.identity.accounts.AccountService;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.UUID;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

    @Schema(name = "AccountRequest", description = "An account for a registered person")
    public record AccountRequest(
            @NotNull @Schema(example = "3f6b1c2e-8a4d-4e59-9b0a-6f1d2c3b4a51") UUID personId,
            @NotNull @Schema(description = "COORDINATOR and SUPERVISOR for staff, STUDENT for students", example = "COORDINATOR")
            AccountRole role,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,99}", message = "{passerelle.username}")
            @Schema(example = "eloise.daubigne") String username) {
    }

    @Schema(name = "Account")
    public record AccountView(
            UUID id,
            UUID personId,
            @Schema(example = "eloise.daubigne") String username,
            @Schema(example = "COORDINATOR") AccountRole role,
            @Schema(description = "SCHAC code: the institution claim of the holder's tokens", example = "u-paris.fr") String institution,
            @Schema(example = "ACTIVE") Account.Status status,
            Instant createdAt,
            @Schema(nullable = true) Instant disabledAt,
            @Schema(nullable = true, description = "Only in the answer to the creation, once: the holder signs in with it and chooses "
                    + "their own password at the first login. It is not kept.", example = "q3Vx8mZ0bK1tR7sYw2LcJg")
            String temporaryPassword) {

        static AccountView of(Account a, String temporaryPassword) {
            return new AccountView(a.id, a.personId, a.username, a.role, a.institution, a.status, a.createdAt,
                    a.disabledAt, temporaryPassword);
        }
    }

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "List accounts", description = "By username. A coordinator sees the accounts of their own "
            + "institution (from the token); the international office sees all.")
    @APIResponse(responseCode = "200", description = "One page of accounts")
    public Page<AccountView> list(@BeanParam @Valid PageRequest page) {
        return accounts.list(caller.actingFor(), page).map(a -> AccountView.of(a, null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Get one account", description = "An account of another institution is not found.")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No account with this id within reach (urn:passerelle:problem:not-found)")
    public AccountView get(@PathParam("id") UUID id) {
        return AccountView.of(service.find(id, caller.actingFor()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Open an account",
            description = "Provisions the Keycloak user of a registered person, with the realm role and the attribute "
                    + "`institution` (the person's institution), so that their tokens carry both. The answer holds a "
                    + "temporary password, once: the holder chooses their own at the first login. A retry cannot replay "
                    + "that password, so this creation takes no Idempotency-Key: a second attempt is a 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Coordinator at Université Paris Cité", value = """
            {"personId": "3f6b1c2e-8a4d-4e59-9b0a-6f1d2c3b4a51", "role": "COORDINATOR", "username": "eloise.daubigne"}""")))
    @APIResponse(responseCode = "201", description = "The account, with the temporary password shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", description = "The role does not fit the person (a student account is for a "
            + "student), or a field is invalid (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No person with this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "409", description = "The person has an account, or the username or e-mail address is "
            + "taken; `errors` names the field (urn:passerelle:problem:account-exists)")
    @APIResponse(responseCode = "503", description = "Keycloak is unreachable or refused: nothing was created "
            + "(urn:passerelle:problem:dependency-unavailable)")
    public Response open(@Valid @NotNull AccountRequest request, @Context UriInfo uri) {
        var opened = service.open(request.personId(), request.role(), request.username());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.account().id.toString()).build())
                .entity(AccountView.of(opened.account(), opened.temporaryPassword())).build();
    }

    @POST
    @Path("/{id}/disablement")
    @RolesAllowed("admin")
    @Operation(summary = "Disable an account", description = "Disables the Keycloak user and ends its sessions: the holder "
            + "can no longer obtain tokens. Tokens already issued expire within their lifetime (15 minutes). Disabling a "
            + "disabled account changes nothing.")
    @APIResponse(responseCode = "200", description = "The disabled account")
    @APIResponse(responseCode = "404", description = "No account with this id (urn:passerelle:problem:not-found)")
    @APIResponse(responseCode = "503", description = "Keycloak is unreachable: the account stays active "
            + "(urn:passerelle:problem:dependency-unavailable)")
    public AccountView disable(@PathParam("id") UUID id) {
        return AccountView.of(service.disable(id), null);
    }
}
