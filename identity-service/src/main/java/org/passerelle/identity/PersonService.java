package org.passerelle.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.passerelle.identity.privacy.AuditLog;
import org.passerelle.runtime.security.Caller;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The use cases of people: registered and changed by the international office, read by their institution. Each
 * registration and change is announced (PersonRegistered, PersonChanged, as the Person aggregate returns them and
 * {@link DomainEvents} appends them), so that the other services keep a copy of who is known and by which identifiers.
 */
@ApplicationScoped
public class PersonService {

    /** PostgreSQL's detail of a unique violation: Key (scheme, match_key)=(INE, 123456789AB) already exists. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("\\(scheme, match_key\\)=\\(([A-Z_]+), (.*)\\) already exists");

    @Inject
    PersonRepository people;

    @Inject
    InstitutionRepository institutions;

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    @Inject
    Fingerprints fingerprints;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Transactional
    public Person register(PersonDetails details) {
        return register(details, null, null);
    }

    /** A registration that is row {@code row} of a bulk sent under {@code creationKey} (both null otherwise). */
    @Transactional
    public Person register(PersonDetails details, UUID creationKey, Integer row) {
        requireKnownInstitution(details.institution());
        requireIdentifiersFree(null, details.identifiers());
        var registered = Person.register(details, fingerprints, Instant.now());
        var person = registered.person();
        person.creationKey = creationKey;
        person.creationRow = creationKey == null ? null : row;
        people.persist(person);
        flushNamingDuplicates(details.identifiers());
        events.publishPersonEvents(registered.events());
        return person;
    }

    @Transactional
    public Person change(UUID id, long expectedVersion, PersonDetails details) {
        var person = find(id, null);
        if (person.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        requireKnownInstitution(details.institution());
        requireIdentifiersFree(id, details.identifiers());
        var changed = person.change(details, fingerprints, Instant.now());
        flushNamingDuplicates(details.identifiers());
        audit.recordChangeHere(caller.subject(), caller.institution().orElse(null), "PUT /api/people/{id}", person.id, changed.fields());
        events.publishPersonEvents(changed.events());
        return person;
    }

    /** The person, if within reach: {@code reach} is the caller's institution, or null for the international office. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Person find(UUID id, String reach) {
        return people.findByIdOptional(id)
                .filter(p -> reach == null || reach.equals(p.institution))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /**
     * The one person who holds any of these identifiers, if any; refused when they name two different people, since
     * a row cannot be both.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Person> holderOfAny(List<PersonIdentifier> identifiers) {
        Person found = null;
        for (int i = 0; i < identifiers.size(); i++) {
            var holder = people.holderOf(identifiers.get(i));
            if (holder.isPresent() && found != null && !found.id.equals(holder.get().id)) {
                throw duplicate(i, identifiers.get(i));
            }
            found = holder.orElse(found);
        }
        return java.util.Optional.ofNullable(found);
    }

    private void requireKnownInstitution(String schacCode) {
        if (institutions.findBySchacCode(schacCode).isEmpty()) {
            throw new InvalidFieldsException(List.of(
                    new InvalidFieldsException.InvalidField("institution", "person.unknown-institution", schacCode)));
        }
    }

    /** The usual way a duplicate is found: before writing, naming the identifier. */
    private void requireIdentifiersFree(UUID self, List<PersonIdentifier> identifiers) {
        Person.checkIdentifiers(identifiers);
        for (int i = 0; i < identifiers.size(); i++) {
            var identifier = identifiers.get(i);
            var holder = people.holderOf(identifier);
            if (holder.isPresent() && !holder.get().id.equals(self)) {
                throw duplicate(i, identifier);
            }
        }
    }

    /**
     * A registration racing another with the same identifier passes the check above; the unique constraint
     * refuses the second at the flush, and its detail says which identifier.
     */
    private void flushNamingDuplicates(List<PersonIdentifier> identifiers) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            Matcher key = DUPLICATE_KEY.matcher(String.valueOf(rootMessage(e)));
            if (!key.find()) {
                throw e;
            }
            for (int i = 0; i < identifiers.size(); i++) {
                var identifier = identifiers.get(i);
                if (identifier.scheme.name().equals(key.group(1)) && identifier.matchKey().equals(key.group(2))) {
                    throw duplicate(i, identifier);
                }
            }
            throw e;
        }
    }

    private static FieldConflict duplicate(int index, PersonIdentifier identifier) {
        return new FieldConflict(IdentityProblems.DUPLICATE_IDENTIFIER, "identifiers[" + index + "].value",
                "person.duplicate-identifier", identifier.scheme, identifier.matchKey());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
