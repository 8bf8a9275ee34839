package org.passerelle.identity.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.passerelle.identity.FieldConflict;
import org.passerelle.identity.IdentityProblems;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Users and clients of the realm the services trust, through Keycloak's admin API. Every failure of Keycloak is
 * answered as the identity provider being unavailable (and logged), never as the caller's fault.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
    /** The client scopes of the realm's own integration clients: audience passerelle-api and the institution claim. */
    private static final List<String> INTEGRATION_SCOPES =
            List.of("basic", "profile", "email", "roles", "web-origins", "acr", "passerelle", "service_account");

    /** What Keycloak answers when an integration client is created. */
    public record CreatedClient(String keycloakId, String secret) {
    }

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "passerelle.accounts.realm")
    String realmName;

    /**
     * A user who signs in with the temporary password and must choose their own at the first login. Returns its
     * Keycloak id; a username or e-mail address Keycloak already has is a conflict on {@code username} or
     * {@code personId}.
     */
    public String createUser(String username, String email, String givenName, String familyName, String institution,
                             AccountRole role, String temporaryPassword) {
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        // the institution vouches for the address: Keycloak's password grant needs it verified
        user.setEmailVerified(true);
        user.setFirstName(givenName);
        user.setLastName(familyName);
        user.setEnabled(true);
        user.setAttributes(Map.of("institution", List.of(institution)));
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(temporaryPassword);
        password.setTemporary(true);
        user.setCredentials(List.of(password));
        String id = call("create user " + username, () -> {
            try (Response created = realm().users().create(user)) {
                if (created.getStatus() == 409) {
                    // Keycloak says which: "User exists with same username" or "... same email"
                    boolean sameEmail = String.valueOf(created.readEntity(String.class)).contains("email");
                    throw sameEmail ? new FieldConflict(IdentityProblems.ACCOUNT_EXISTS, "personId", "account.email-taken", email)
                            : new FieldConflict(IdentityProblems.ACCOUNT_EXISTS, "username", "account.username-taken", username);
                }
                return CreatedResponseUtil.getCreatedId(created);
            }
        });
        try {
            call("give role " + role.realmRole() + " to " + username, () -> {
                var realmRole = realm().roles().get(role.realmRole()).toRepresentation();
                realm().users().get(id).roles().realmLevel().add(List.of(realmRole));
                return null;
            });
        } catch (RuntimeException e) {
            deleteUser(id);
            throw e;
        }
        return id;
    }

    /** Undoes a user whose account could not be recorded; a failure here is logged, the first one answered. */
    public void deleteUser(String keycloakUserId) {
        try {
            try (Response ignored = realm().users().delete(keycloakUserId)) {
                LOG.infof("Removed Keycloak user %s again", keycloakUserId);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Keycloak user %s could not be removed after a failed provisioning: %s", keycloakUserId, e.getMessage());
        }
    }

    /** The user can no longer sign in, and the sessions it has end (refresh tokens stop working). */
    public void disableUser(String keycloakUserId) {
        call("disable user " + keycloakUserId, () -> {
            var user = realm().users().get(keycloakUserId);
            var representation = user.toRepresentation();
            representation.setEnabled(false);
            user.update(representation);
            user.logout();
            return null;
        });
    }

    /**
     * The user of an erased person: disabled, signed out, and without their name and email. The user itself stays,
     * so that its id is never given to someone else and records of what it did keep naming one account.
     */
    public void eraseUser(String keycloakUserId) {
        call("erase user " + keycloakUserId, () -> {
            var user = realm().users().get(keycloakUserId);
            UserRepresentation representation;
            try {
                representation = user.toRepresentation();
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                LOG.infof("Keycloak user %s was already removed", keycloakUserId);
                return null;
            }
            representation.setEnabled(false);
            representation.setFirstName("");
            representation.setLastName("");
            representation.setEmail("");
            representation.setEmailVerified(false);
            user.update(representation);
            user.logout();
            return null;
        });
    }

    /** A confidential client with client credentials only, whose service account acts for the institution. */
    public CreatedClient createIntegrationClient(String clientId, String name, String institution) {
        var client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setFullScopeAllowed(true);
        client.setDefaultClientScopes(INTEGRATION_SCOPES);
        String id = call("create client " + clientId, () -> {
            try (Response created = realm().clients().create(client)) {
                if (created.getStatus() == 409) {
                    throw new FieldConflict(IdentityProblems.CLIENT_EXISTS, "clientId", "client.id-taken", clientId);
                }
                return CreatedResponseUtil.getCreatedId(created);
            }
        });
        try {
            return call("set up the service account of " + clientId, () -> {
                var serviceAccount = realm().clients().get(id).getServiceAccountUser();
                serviceAccount.setAttributes(Map.of("institution", List.of(institution)));
                var user = realm().users().get(serviceAccount.getId());
                user.update(serviceAccount);
                user.roles().realmLevel().add(List.of(realm().roles().get("integration").toRepresentation()));
                return new CreatedClient(id, realm().clients().get(id).getSecret().getValue());
            });
        } catch (RuntimeException e) {
            deleteClient(id);
            throw e;
        }
    }

    /** A new secret; the previous one stops working at once. */
    public String rotateSecret(String keycloakClientId) {
        return call("rotate the secret of " + keycloakClientId,
                () -> realm().clients().get(keycloakClientId).generateNewSecret().getValue());
    }

    /** The client is removed: its secret and its service account are gone. */
    public void revokeClient(String keycloakClientId) {
        call("remove client " + keycloakClientId, () -> {
            try {
                realm().clients().get(keycloakClientId).remove();
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                LOG.infof("Keycloak client %s was already removed", keycloakClientId);
            }
            return null;
        });
    }

    private void deleteClient(String keycloakClientId) {
        try {
            realm().clients().get(keycloakClientId).remove();
        } catch (RuntimeException e) {
            LOG.errorf("Keycloak client %s could not be removed after a failed creation: %s", keycloakClientId, e.getMessage());
        }
    }

    /** The start of Keycloak's answer, for the log. */
    private static String answer(Response response) {
        try {
            String body = String.valueOf(response.readEntity(String.class));
            return body.length() > 300 ? body.substring(0, 300) : body;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    /** Runs an admin call; Keycloak's own failures (unreachable, refused, misconfigured) become a 503. */
    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (FieldConflict | ProblemException refusal) {
            throw refusal;
        } catch (WebApplicationException e) {
            LOG.warnf("Keycloak refused to %s: HTTP %d %s", what, e.getResponse().getStatus(), answer(e.getResponse()));
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE);
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak could not %s: %s", what, e.getMessage());
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE);
        }
    }
}
