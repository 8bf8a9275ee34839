package org.passerelle.agreements.institutions;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.agreements.AgreementContent;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.security.InstitutionDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The institutions an agreement may name, kept from identity-service's events (docs/events/identity): a
 * party that is no known institution is refused with its field, and a caller whose token names none is refused
 * every operation (the runtime's KnownInstitutionRequired).
 */
@ApplicationScoped
public class KnownInstitutions implements InstitutionDirectory {

    /** The data of InstitutionRegistered and InstitutionChanged v1 that this service reads. */
    public record Institution(UUID institutionId, String schacCode, List<String> previousSchacCodes, Name name,
                              Instant registeredAt, Instant changedAt) {
        public record Name(String en) {
        }
    }

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Incoming("institution-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.identity.InstitutionRegistered.v1", e -> know(events.data(e, Institution.class)),
                "passerelle.identity.InstitutionChanged.v1", e -> know(events.data(e, Institution.class))));
    }

    /** The current code and every previous one name the institution (Paris Cité was renamed). */
    void know(Institution institution) {
        var codes = new java.util.ArrayList<>(List.of(institution.schacCode()));
        if (institution.previousSchacCodes() != null) {
            codes.addAll(institution.previousSchacCodes());
        }
        for (String code : codes) {
            entityManager.createNativeQuery("""
                            insert into known_institution (schac_code, institution_id, current_code, name_en, changed_at)
                            values (?1, ?2, ?3, ?4, now())
                            on conflict (schac_code) do update set institution_id = excluded.institution_id,
                                current_code = excluded.current_code, name_en = excluded.name_en, changed_at = now()""")
                    .setParameter(1, code).setParameter(2, institution.institutionId())
                    .setParameter(3, institution.schacCode())
                    .setParameter(4, institution.name() == null || institution.name().en() == null ? institution.schacCode() : institution.name().en())
                    .executeUpdate();
        }
    }

    /** Each party must be a known institution; the unknown ones are refused by field, all at once. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireKnown(AgreementContent content) {
        @SuppressWarnings("unchecked")
        List<String> known = entityManager.createNativeQuery("select schac_code from known_institution where schac_code in (:codes)")
                .setParameter("codes", content.parties()).getResultList();
        var problems = new InvalidFieldsException.Collector();
        for (int i = 0; i < content.parties().size(); i++) {
            String party = content.parties().get(i);
            problems.check(known.contains(party), "parties[" + i + "]", "institution.unknown", party);
        }
        problems.throwIfAny();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isKnown(String schacCode) {
        return !entityManager.createNativeQuery("select 1 from known_institution where schac_code = ?1")
                .setParameter(1, schacCode).getResultList().isEmpty();
    }
}
