package org.passerelle.identity.accounts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.passerelle.identity.Person;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's login: a Keycloak user with one realm role and the attribute {@code institution}, which becomes the
 * institution claim of their tokens. Disabled, it can no longer sign in.
 */
@Entity
public class Account {

    @Schema(name = "AccountStatus")
    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountRole role;

    @Column(name = "institution_code", nullable = false)
    public String institution;

    @Column(name = "keycloak_user_id", nullable = false)
    public String keycloakUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Set by the database; read back in the insert itself, so the creation's answer shows it. */
    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Version
    public long version;

    /** Checks that the person may hold the role: a student account is for a student, the others for staff. */
    public static void requireFit(Person person, AccountRole role) {
        if (!role.fits(person.kind)) {
            throw new InvalidFieldsException(List.of(
                    new InvalidFieldsException.InvalidField("role", "account.role-kind", role, person.kind)));
        }
    }

    /** The account of a person, once its Keycloak user exists; it belongs to the person's institution. */
    public static Account open(Person person, AccountRole role, String username, String keycloakUserId) {
        requireFit(person, role);
        var account = new Account();
        account.id = UUID.randomUUID();
        account.personId = person.id;
        account.username = username;
        account.role = role;
        account.institution = person.institution;
        account.keycloakUserId = keycloakUserId;
        account.status = Status.ACTIVE;
        return account;
    }

    /** Returns false if it already was disabled: disabling twice changes nothing. */
    public boolean disable(Instant at) {
        if (status == Status.DISABLED) {
            return false;
        }
        status = Status.DISABLED;
        disabledAt = at;
        return true;
    }
}
