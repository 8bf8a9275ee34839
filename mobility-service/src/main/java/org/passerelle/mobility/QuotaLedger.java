package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The places taken per cooperation condition and academic year. A place is taken by one conditional update
 * ({@code used < places}) in the nomination's transaction: the row lock it takes orders concurrent nominations
 * on any number of instances, and the condition refuses the one too many, so the ledger never overbooks.
 */
@ApplicationScoped
public class QuotaLedger {

    @Inject
    EntityManager entityManager;

    /** Takes a place if one is left; false when all {@code places} are taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(UUID conditionId, String academicYear, int places) {
        entityManager.createNativeQuery("""
                        insert into quota_usage (condition_id, academic_year, used) values (?1, ?2, 0)
                        on conflict do nothing""")
                .setParameter(1, conditionId).setParameter(2, academicYear).executeUpdate();
        return entityManager.createNativeQuery("""
                        update quota_usage set used = used + 1
                        where condition_id = ?1 and academic_year = ?2 and used < ?3""")
                .setParameter(1, conditionId).setParameter(2, academicYear).setParameter(3, places)
                .executeUpdate() == 1;
    }

    /** Gives back the place of a rejected or cancelled mobility. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID conditionId, String academicYear) {
        entityManager.createNativeQuery("""
                        update quota_usage set used = used - 1
                        where condition_id = ?1 and academic_year = ?2 and used > 0""")
                .setParameter(1, conditionId).setParameter(2, academicYear).executeUpdate();
    }

    @Transactional
    public int used(UUID conditionId, String academicYear) {
        var used = entityManager.createNativeQuery(
                        "select used from quota_usage where condition_id = ?1 and academic_year = ?2", Integer.class)
                .setParameter(1, conditionId).setParameter(2, academicYear).getResultList();
        return used.isEmpty() ? 0 : (Integer) used.get(0);
    }
}
