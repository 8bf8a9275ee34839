package org.passerelle.identity.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.identity.DomainEvents;
import org.passerelle.identity.Person;
import org.passerelle.identity.PersonService;
import org.passerelle.identity.accounts.Account;
import org.passerelle.identity.accounts.AccountRepository;
import org.passerelle.identity.accounts.KeycloakDirectory;
import org.passerelle.runtime.privacy.ErasedValues;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a person at the international office's request: their account can no longer sign in and loses its name
 * and email in Keycloak, their rows here are deleted, and PersonErased tells the other services, in the same
 * transaction. Keycloak is called first and outside the transaction: if it cannot be reached nothing is erased.
 */
@ApplicationScoped
public class ErasureService {

    @Inject
    PersonService people;

    @Inject
    AccountRepository accounts;

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    @Inject
    Fingerprints fingerprints;

    @Inject
    ErasedValues erasedValues;

    @Transactional(Transactional.TxType.NEVER)
    public PersonErasure erase(UUID personId, String reason, String erasedBy) {
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> {
            people.find(personId, null);
            return accounts.find("personId", personId).firstResultOptional();
        });
        account.ifPresent(a -> keycloak.eraseUser(a.keycloakUserId));
        return QuarkusTransaction.requiringNew().call(() -> eraseRows(personId, reason, erasedBy));
    }

    private PersonErasure eraseRows(UUID personId, String reason, String erasedBy) {
        Person person = people.find(personId, null);
        Optional<Account> account = accounts.find("personId", personId).firstResultOptional();
        var erasure = new PersonErasure();
        erasure.personId = person.id;
        erasure.kind = person.kind;
        erasure.institution = person.institution;
        erasure.reason = reason.strip();
        erasure.erasedBy = erasedBy;
        erasure.erasedAt = Instant.now();
        List<String> values = plainValues(person, account);
        var erased = person.erase(fingerprints, account.map(a -> a.keycloakUserId).orElse(null), erasure.erasedAt);
        account.ifPresent(accounts::delete);
        entityManager.remove(person);
        // mail to the person, sent or waiting, holds their address: an erased person is never written to
        entityManager.createNativeQuery("delete from outgoing_mail where person_id = ?1 or recipient = ?2")
                .setParameter(1, person.id).setParameter(2, person.email).executeUpdate();
        entityManager.persist(erasure);
        entityManager.flush();
        events.publishPersonEvents(erased);
        erasedValues.scrub(values);
        account.ifPresent(a -> erasedValues.forgetCallers(a.keycloakUserId::equals));
        return erasure;
    }

    /** What copies of the person's data (stored answers, kept events) may hold. */
    private static List<String> plainValues(Person person, Optional<Account> account) {
        List<String> values = new ArrayList<>(List.of(person.givenName, person.familyName, person.email));
        values.add(person.givenName + " " + person.familyName);
        values.addAll(java.util.stream.Stream.of(person.givenNameHanzi, person.familyNameHanzi, person.givenNamePinyin,
                person.familyNamePinyin).filter(Objects::nonNull).toList());
        if (person.familyNameHanzi != null && person.givenNameHanzi != null) {
            values.add(person.familyNameHanzi + person.givenNameHanzi);
        }
        person.identifiers.forEach(i -> values.add(i.value));
        account.ifPresent(a -> values.add(a.username));
        return values;
    }

    /** The person's fingerprints, as PersonErased carries them and export asks the other services by. */
    List<String> fingerprintsOf(Person person, Optional<Account> account) {
        return person.fingerprints(fingerprints, account.map(a -> a.keycloakUserId).orElse(null));
    }
}
