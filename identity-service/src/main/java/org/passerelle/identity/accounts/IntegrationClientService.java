package org.passerelle.identity.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.identity.FieldConflict;
import org.passerelle.identity.IdentityProblems;
import org.passerelle.identity.InstitutionRepository;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Integration clients and their Keycloak clients; Keycloak is called outside database transactions, and a client
 * whose record cannot be written is removed from Keycloak again.
 */
@ApplicationScoped
public class IntegrationClientService {

    /** A client with its secret: shown once, never stored. */
    public record WithSecret(IntegrationClient client, String secret) {
    }

    @Inject
    IntegrationClientRepository clients;

    @Inject
    InstitutionRepository institutions;

    @Inject
    KeycloakDirectory keycloak;

    @Transactional(Transactional.TxType.NEVER)
    public WithSecret create(String clientId, String institution) {
        String name = QuarkusTransaction.requiringNew().call(() -> checkCreatable(clientId, institution));
        var created = keycloak.createIntegrationClient(clientId, name, institution);
        try {
            return new WithSecret(QuarkusTransaction.requiringNew().call(() -> {
                var client = IntegrationClient.of(clientId, institution, created.keycloakId());
                clients.persist(client);
                return client;
            }), created.secret());
        } catch (RuntimeException e) {
            keycloak.revokeClient(created.keycloakId());
            throw e;
        }
    }

    /** The institution's name for Keycloak's console; the client id free. */
    private String checkCreatable(String clientId, String institution) {
        var owner = institutions.findBySchacCode(institution).orElseThrow(() -> new InvalidFieldsException(List.of(
                new InvalidFieldsException.InvalidField("institution", "person.unknown-institution", institution))));
        if (clients.existsWithClientId(clientId)) {
            throw new FieldConflict(IdentityProblems.CLIENT_EXISTS, "clientId", "client.id-taken", clientId);
        }
        return "Integration scripts of " + owner.name.en() + " (" + owner.schacCode + ")";
    }

    @Transactional(Transactional.TxType.NEVER)
    public WithSecret rotateSecret(UUID id) {
        var client = QuarkusTransaction.requiringNew().call(() -> {
            var found = find(id, null);
            found.requireActive();
            return found;
        });
        String secret = keycloak.rotateSecret(client.keycloakClientId);
        return new WithSecret(QuarkusTransaction.requiringNew().call(() -> {
            var current = find(id, null);
            current.secretRotated(Instant.now());
            return current;
        }), secret);
    }

    @Transactional(Transactional.TxType.NEVER)
    public IntegrationClient revoke(UUID id) {
        var client = QuarkusTransaction.requiringNew().call(() -> {
            var found = find(id, null);
            found.requireActive();
            return found;
        });
        keycloak.revokeClient(client.keycloakClientId);
        return QuarkusTransaction.requiringNew().call(() -> {
            var current = find(id, null);
            current.revoke(Instant.now());
            return current;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrationClient find(UUID id, String reach) {
        return clients.findByIdOptional(id)
                .filter(c -> reach == null || reach.equals(c.institution))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
