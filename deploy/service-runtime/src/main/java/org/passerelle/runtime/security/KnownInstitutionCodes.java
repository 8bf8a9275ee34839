package org.passerelle.runtime.security;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.passerelle.runtime.events.IncomingEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's copy of the SCHAC codes identity-service registered, kept from its InstitutionRegistered and
 * InstitutionChanged events in the service's table {@code known_institution (schac_code primary key, current_code,
 * changed_at)}. A service extends it with its {@code @Incoming} method on the topic identity.institution.events,
 * which calls {@link #consume}.
 */
public abstract class KnownInstitutionCodes implements InstitutionDirectory {

    public static final String REGISTERED = "passerelle.identity.InstitutionRegistered.v1";
    public static final String CHANGED = "passerelle.identity.InstitutionChanged.v1";

    /** The part of InstitutionRegistered and InstitutionChanged v1 read here. */
    public record Institution(String schacCode, List<String> previousSchacCodes) {
    }

    @Inject
    protected IncomingEvents events;

    @Inject
    protected EntityManager entityManager;

    protected void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                REGISTERED, e -> know(events.data(e, Institution.class)),
                CHANGED, e -> know(events.data(e, Institution.class))));
    }

    /** The current code and every previous one name the institution (Paris Cité was renamed). */
    void know(Institution institution) {
        var codes = new ArrayList<>(List.of(institution.schacCode()));
        if (institution.previousSchacCodes() != null) {
            codes.addAll(institution.previousSchacCodes());
        }
        for (String code : codes) {
            entityManager.createNativeQuery("""
                            insert into known_institution (schac_code, current_code, changed_at) values (?1, ?2, now())
                            on conflict (schac_code) do update set current_code = excluded.current_code, changed_at = now()""")
                    .setParameter(1, code).setParameter(2, institution.schacCode())
                    .executeUpdate();
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isKnown(String schacCode) {
        return !entityManager.createNativeQuery("select 1 from known_institution where schac_code = ?1")
                .setParameter(1, schacCode).getResultList().isEmpty();
    }
}
