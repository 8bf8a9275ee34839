package org.passerelle.mobility.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.mobility.Nomination;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * mobility-service's copy of the people identity-service registered, kept by identity's person events (never
 * asked synchronously): their id, kind, home institution and the fingerprints of their identifiers. A nomination's
 * person is identified against it ({@link Nomination.Person#identify}).
 */
@ApplicationScoped
public class KnownPeople implements Nomination.People {

    @Inject
    EntityManager entityManager;

    @Inject
    Fingerprints fingerprints;

    /** A person registered or changed: the copy takes their details as they are now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID personId, String kind, String institution, List<String> identifierFingerprints, Instant at) {
        entityManager.createNativeQuery("""
                        insert into known_person (person_id, kind, institution, changed_at) values (?1, ?2, ?3, ?4)
                        on conflict (person_id) do update set kind = excluded.kind, institution = excluded.institution,
                        changed_at = excluded.changed_at""")
                .setParameter(1, personId).setParameter(2, kind).setParameter(3, institution).setParameter(4, at)
                .executeUpdate();
        entityManager.createNativeQuery("delete from known_person_identifier where person_id = ?1")
                .setParameter(1, personId).executeUpdate();
        for (String fingerprint : identifierFingerprints == null ? List.<String>of() : identifierFingerprints) {
            // an identifier moved from another person (their change may arrive later, on another partition): now theirs
            entityManager.createNativeQuery("""
                            insert into known_person_identifier (fingerprint, person_id) values (?1, ?2)
                            on conflict (fingerprint) do update set person_id = excluded.person_id""")
                    .setParameter(1, fingerprint).setParameter(2, personId).executeUpdate();
        }
    }

    /** An erased person is forgotten with their identifiers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID personId) {
        entityManager.createNativeQuery("delete from known_person where person_id = ?1").setParameter(1, personId).executeUpdate();
    }

    @Override
    public boolean knows(UUID personId) {
        return !entityManager.createNativeQuery("select 1 from known_person where person_id = ?1")
                .setParameter(1, personId).getResultList().isEmpty();
    }

    @Override
    public Optional<UUID> holderOf(String scheme, String value) {
        String fingerprint = fingerprints.of(scheme, value);
        if (fingerprint == null) {
            return Optional.empty();
        }
        return entityManager.createNativeQuery("select person_id from known_person_identifier where fingerprint = ?1", UUID.class)
                .setParameter(1, fingerprint).getResultStream().map(UUID.class::cast).findFirst();
    }

    @Override
    public Optional<UUID> nominatedBefore(String scheme, String value) {
        String query = switch (scheme) {
            case Fingerprints.INE -> "select person_id from mobility where ine = ?1 order by created_at limit 1";
            case Fingerprints.SJTU_STUDENT_NUMBER -> "select person_id from mobility where student_number = ?1 order by created_at limit 1";
            default -> throw new IllegalArgumentException("nominations carry no " + scheme);
        };
        return entityManager.createNativeQuery(query, UUID.class).setParameter(1, value).getResultStream()
                .map(UUID.class::cast).findFirst();
    }
}
