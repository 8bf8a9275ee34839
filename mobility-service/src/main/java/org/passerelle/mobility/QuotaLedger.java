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

    /** The places of one condition of an agreement in one academic year, and how many are taken. */
    public record Places(UUID conditionId, String sendingInstitution, String receivingInstitution, String mobilityType,
                         int places, int taken) {

        public int left() {
            return Math.max(0, places - taken);
        }
    }

    /**
     * The places of each condition in force of an agreement for the year, read in one statement with the ledger rows,
     * so that what it answers is what {@link #take} would see at that moment. A condition that does not cover the year
     * has no places in it.
     */
    @Transactional
    public java.util.List<Places> places(UUID agreementId, String academicYear) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = entityManager.createNativeQuery("""
                        select c.condition_id, c.sending_institution, c.receiving_institution, c.mobility_type,
                               case when c.first_academic_year <= ?2 and c.last_academic_year >= ?2 then c.places_per_year else 0 end,
                               coalesce(q.used, 0)
                        from agreement_condition c
                        left join quota_usage q on q.condition_id = c.condition_id and q.academic_year = ?2
                        where c.agreement_id = ?1
                        order by c.mobility_type, c.sending_institution, c.condition_id""")
                .setParameter(1, agreementId).setParameter(2, academicYear).getResultList();
        return rows.stream().map(r -> new Places((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue())).toList();
    }
}
