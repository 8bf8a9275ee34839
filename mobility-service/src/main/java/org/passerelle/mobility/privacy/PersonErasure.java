package org.passerelle.mobility.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.passerelle.mobility.documents.DocumentErasure;
import org.passerelle.runtime.privacy.ErasedValues;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.privacy.PersonErased;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Erases a person from mobility-service: their mobilities stay, so quotas, targets and statistics still count
 * them, but without name, email or identifiers and under a new person id; their approvals of learning agreements
 * no longer name their account; kept events and stored answers lose the values the mobilities held. A mobility is
 * the person's when it names their identity-service id, or when its email, INE or SJTU student number has one of
 * the event's fingerprints (a nomination may not have known the id: docs/adr/0008). Their documents lose their
 * content and file names (DocumentErasure).
 */
@ApplicationScoped
public class PersonErasure {

    private static final Logger LOG = Logger.getLogger(PersonErasure.class);
    /** What an anonymised mobility shows instead of the names; the email cannot belong to anyone (RFC 2606). */
    static final String ERASED = ErasedValues.MARK;
    static final String ERASED_EMAIL = "erased@erased.invalid";

    @Inject
    EntityManager entityManager;

    @Inject
    Fingerprints fingerprints;

    @Inject
    ErasedValues erasedValues;

    @Inject
    ObjectMapper json;

    @Inject
    DocumentErasure documents;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(PersonErased erased) {
        Set<String> prints = erased.fingerprintSet();
        List<String> values = new ArrayList<>();
        int mobilities = anonymiseMobilities(erased.personId(), prints, values);
        int approvals = forgetAccount(prints);
        documents.forgetAccount(prints);
        erasedValues.forget(erased, values);
        LOG.infof("Person %s erased: %d mobilities anonymised, %d learning agreement versions no longer name their account",
                erased.personId(), mobilities, approvals);
    }

    private int anonymiseMobilities(UUID personId, Set<String> prints, List<String> values) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, person_id, given_name, family_name, chinese_name, email, ine, student_number from mobility
                where email <> ?1""").setParameter(1, ERASED_EMAIL).getResultList();
        int count = 0;
        for (Object[] row : rows) {
            boolean theirs = personId.equals(row[1])
                    || fingerprints.matches(prints, Fingerprints.EMAIL, (String) row[5])
                    || fingerprints.matches(prints, Fingerprints.INE, (String) row[6])
                    || fingerprints.matches(prints, Fingerprints.SJTU_STUDENT_NUMBER, (String) row[7]);
            if (!theirs) {
                continue;
            }
            for (int i = 2; i <= 7; i++) {
                if (row[i] != null) {
                    values.add(((String) row[i]).strip());
                }
            }
            values.add(row[2] + " " + row[3]);
            values.add(row[1].toString());   // stored answers of the nomination show the person id
            UUID pseudonym = UUID.randomUUID();
            entityManager.createNativeQuery("""
                            update mobility set person_id = ?2, given_name = ?3, family_name = ?3, chinese_name = null, email = ?4,
                            ine = null, student_number = null, version = version + 1 where id = ?1""")
                    .setParameter(1, row[0]).setParameter(2, pseudonym).setParameter(3, ERASED)
                    .setParameter(4, ERASED_EMAIL).executeUpdate();
            documents.eraseDocumentsOf((UUID) row[0]);
            // the mobility's kept events (MobilityNominated) name the person by id: they name the pseudonym instead
            entityManager.createNativeQuery("""
                            update outbox_event set payload = jsonb_set(payload, '{personId}', to_jsonb(cast(?3 as text)))
                            where aggregate_id = ?1 and payload ->> 'personId' = ?2""")
                    .setParameter(1, row[0].toString()).setParameter(2, row[1].toString()).setParameter(3, pseudonym.toString())
                    .executeUpdate();
            count++;
        }
        return count;
    }

    /** Learning agreement versions name who proposed and approved them by their account (token subject). */
    private int forgetAccount(Set<String> prints) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, proposed_by, cast(approvals as text) from learning_agreement_version").getResultList();
        int count = 0;
        for (Object[] row : rows) {
            boolean proposed = fingerprints.matches(prints, Fingerprints.ACCOUNT, (String) row[1]);
            List<Map<String, Object>> approvals = read((String) row[2]);
            boolean approved = false;
            for (Map<String, Object> approval : approvals) {
                if (fingerprints.matches(prints, Fingerprints.ACCOUNT, (String) approval.get("approvedBy"))) {
                    approval.put("approvedBy", ERASED);
                    approved = true;
                }
            }
            if (proposed || approved) {
                entityManager.createNativeQuery("""
                                update learning_agreement_version set proposed_by = case when ?2 then ?3 else proposed_by end,
                                approvals = cast(?4 as jsonb) where id = ?1""")
                        .setParameter(1, row[0]).setParameter(2, proposed).setParameter(3, ERASED)
                        .setParameter(4, write(approvals)).executeUpdate();
                count++;
            }
        }
        return count;
    }

    private List<Map<String, Object>> read(String approvals) {
        try {
            return json.readValue(approvals, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("learning_agreement_version.approvals is not a JSON array", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
