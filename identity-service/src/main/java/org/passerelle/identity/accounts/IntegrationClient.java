package org.passerelle.identity.accounts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.passerelle.identity.IdentityProblems;
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * The client of one institution's integration scripts: a confidential Keycloak client whose service account has
 * the role integration and the institution attribute. Its secret is shown once, when created or rotated, and never
 * kept here; revoked, the client no longer exists in Keycloak.
 */
@Entity
@Table(name = "integration_client")
public class IntegrationClient {

    @Schema(name = "IntegrationClientStatus")
    public enum Status { ACTIVE, REVOKED }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "institution_code", nullable = false)
    public String institution;

    @Column(name = "keycloak_client_id")
    public String keycloakClientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Set by the database; read back in the insert itself, so the creation's answer shows it. */
    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public static IntegrationClient of(String clientId, String institution, String keycloakClientId) {
        var client = new IntegrationClient();
        client.id = UUID.randomUUID();
        client.clientId = clientId;
        client.institution = institution;
        client.keycloakClientId = keycloakClientId;
        client.status = Status.ACTIVE;
        return client;
    }

    public void requireActive() {
        if (status != Status.ACTIVE) {
            throw new ProblemException(IdentityProblems.CLIENT_REVOKED, clientId);
        }
    }

    public void secretRotated(Instant at) {
        requireActive();
        secretRotatedAt = at;
    }

    public void revoke(Instant at) {
        requireActive();
        status = Status.REVOKED;
        revokedAt = at;
        keycloakClientId = null;
    }
}
