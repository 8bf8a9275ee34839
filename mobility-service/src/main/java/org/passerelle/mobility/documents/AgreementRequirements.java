package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.mobility.agreements.AgreementRepository;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.util.List;
import java.util.UUID;

/**
 * What an agreement asks of every mobility under it, in both directions, whatever the sessions (e.g. a liability
 * insurance for every mobility of a clinical exchange). Set by the international office or a coordinator of one of
 * its parties (the agreements and their parties are known here from agreements-service's events); each change
 * recomputes the checklists of the agreement's open mobilities.
 */
@ApplicationScoped
public class AgreementRequirements {

    @Inject
    EntityManager entityManager;

    @Inject
    AgreementRepository agreements;

    @Inject
    Checklists checklists;

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Requirement> list(String actingFor, UUID agreementId) {
        requireParty(actingFor, agreementId);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select kind, valid_for_whole_stay, checked_by from agreement_requirement where agreement_id = ?1 order by kind""")
                .setParameter(1, agreementId).getResultList();
        return rows.stream().map(r -> new Requirement((String) r[0], (Boolean) r[1], Requirement.CheckedBy.valueOf((String) r[2])))
                .toList();
    }

    @Transactional
    public Requirement set(String actingFor, UUID agreementId, Requirement requirement) {
        requireParty(actingFor, agreementId);
        entityManager.createNativeQuery("""
                        insert into agreement_requirement (agreement_id, kind, valid_for_whole_stay, checked_by) values (?1, ?2, ?3, ?4)
                        on conflict (agreement_id, kind) do update set valid_for_whole_stay = excluded.valid_for_whole_stay,
                        checked_by = excluded.checked_by, set_at = now()""")
                .setParameter(1, agreementId).setParameter(2, requirement.kind()).setParameter(3, requirement.validForWholeStay())
                .setParameter(4, requirement.checkedBy().name()).executeUpdate();
        checklists.recomputeForAgreement(agreementId);
        return requirement;
    }

    @Transactional
    public void remove(String actingFor, UUID agreementId, String kind) {
        requireParty(actingFor, agreementId);
        int removed = entityManager.createNativeQuery("delete from agreement_requirement where agreement_id = ?1 and kind = ?2")
                .setParameter(1, agreementId).setParameter(2, kind).executeUpdate();
        if (removed == 0) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        checklists.recomputeForAgreement(agreementId);
    }

    /** The parties of the agreement (or the international office, null) set its requirements; others are told it does not exist. */
    private void requireParty(String actingFor, UUID agreementId) {
        agreements.findByIdOptional(agreementId)
                .filter(a -> actingFor == null || a.parties.contains(actingFor))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
