package org.passerelle.identity.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.identity.FieldConflict;
import org.passerelle.identity.IdentityProblems;
import org.passerelle.identity.Person;
import org.passerelle.identity.PersonService;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Accounts and their Keycloak users. Keycloak is called outside any database transaction; when the account cannot
 * be recorded after its user was created, the user is removed again, so neither side keeps half an account.
 */
@ApplicationScoped
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new account with the temporary password to hand to its holder: shown once, never stored. */
    public record Opened(Account account, String temporaryPassword) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    PersonService people;

    @Inject
    KeycloakDirectory keycloak;

    @Transactional(Transactional.TxType.NEVER)
    public Opened open(UUID personId, AccountRole role, String username) {
        Person person = QuarkusTransaction.requiringNew().call(() -> checkOpenable(personId, role, username));
        String password = temporaryPassword();
        String userId = keycloak.createUser(username, person.email, person.givenName, person.familyName,
                person.institution, role, password);
        try {
            return new Opened(QuarkusTransaction.requiringNew().call(() -> {
                var account = Account.open(person, role, username, userId);
                accounts.persist(account);
                return account;
            }), password);
        } catch (RuntimeException e) {
            keycloak.deleteUser(userId);
            throw e;
        }
    }

    private Person checkOpenable(UUID personId, AccountRole role, String username) {
        Person person = people.find(personId, null);
        Account.requireFit(person, role);
        if (accounts.existsForPerson(personId)) {
            throw new FieldConflict(IdentityProblems.ACCOUNT_EXISTS, "personId", "account.person-has-one", personId);
        }
        if (accounts.existsWithUsername(username)) {
            throw new FieldConflict(IdentityProblems.ACCOUNT_EXISTS, "username", "account.username-taken", username);
        }
        return person;
    }

    /** Disables the Keycloak user first: an account shown as disabled can no longer sign in. */
    @Transactional(Transactional.TxType.NEVER)
    public Account disable(UUID id) {
        Account account = QuarkusTransaction.requiringNew().call(() -> find(id, null));
        keycloak.disableUser(account.keycloakUserId);
        return QuarkusTransaction.requiringNew().call(() -> {
            var current = find(id, null);
            current.disable(Instant.now());
            return current;
        });
    }

    /** The account, if within reach: {@code reach} is the caller's institution, or null for the international office. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Account find(UUID id, String reach) {
        return accounts.findByIdOptional(id)
                .filter(a -> reach == null || reach.equals(a.institution))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    private static String temporaryPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
