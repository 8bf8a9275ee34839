package org.passerelle.curriculum.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.passerelle.runtime.privacy.ErasedValues;
import org.passerelle.runtime.privacy.Fingerprints;
import org.passerelle.runtime.privacy.PersonErased;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Erases a person from curriculum-service: the seats they hold stay held (the session's count does not change)
 * but no longer name them; the items they supervise lose their name and account (the international office names
 * another supervisor); kept events and stored answers lose the supervisor's name.
 */
@ApplicationScoped
public class PersonErasure {

    private static final Logger LOG = Logger.getLogger(PersonErasure.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Fingerprints fingerprints;

    @Inject
    ErasedValues erasedValues;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(PersonErased erased) {
        Set<String> prints = erased.fingerprintSet();
        int seats = entityManager.createNativeQuery("update seat_hold set person_id = null where person_id = ?1")
                .setParameter(1, erased.personId()).executeUpdate();
        // transcripts stay (the institutions keep their records) but no longer say whose they are
        entityManager.createNativeQuery("update mobility_copy set person_id = null, student_email = null where person_id = ?1")
                .setParameter(1, erased.personId()).executeUpdate();
        List<String> names = new ArrayList<>();
        names.add(erased.personId().toString());   // kept PersonalDataRead events name the holders read
        int items = forgetSupervisor(prints, names);
        erasedValues.forget(erased, names);
        LOG.infof("Person %s erased: %d seats no longer name them, %d items no longer name them as supervisor",
                erased.personId(), seats, items);
    }

    private int forgetSupervisor(Set<String> prints, List<String> names) {
        @SuppressWarnings("unchecked")
        List<Object[]> supervisors = entityManager.createNativeQuery(
                "select distinct supervisor_account, supervisor_name from catalogue_item where supervisor_account is not null")
                .getResultList();
        int items = 0;
        for (Object[] supervisor : supervisors) {
            if (!fingerprints.matches(prints, Fingerprints.ACCOUNT, (String) supervisor[0])) {
                continue;
            }
            if (supervisor[1] != null) {
                names.add((String) supervisor[1]);
            }
            items += entityManager.createNativeQuery("""
                            update catalogue_item set supervisor_account = null, supervisor_name = null, version = version + 1
                            where supervisor_account = ?1""")
                    .setParameter(1, supervisor[0]).executeUpdate();
        }
        return items;
    }
}
