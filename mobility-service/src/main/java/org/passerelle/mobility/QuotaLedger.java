package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The places taken per cooperation condition and academic year. A place is taken by one conditional statement
 * ({@code used < places}) in the nomination's transaction: the row lock it takes orders concurrent nominations
 * on any number of instances, and the condition refuses the one too many, so the ledger never overbooks.
 */
@ApplicationScoped
public class QuotaLedger {

    @Inject
    EntityManager entityManager;

    /**
     * Takes a place if one is left; false when all {@code places} are taken. One statement: the year's first place
     * inserts the row, the next ones update it under its row lock, and a conflicting insert waits for the other
     * transaction and then checks {@code used < places} against the row as that one left it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(UUID conditionId, String academicYear, int places) {
        return entityManager.createNativeQuery("""
                        insert into quota_usage as q (condition_id, academic_year, used)
                        select ?1, ?2, 1 where ?3 > 0
                        on conflict (condition_id, academic_year) do update set used = q.used + 1 where q.used < ?3""")
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
