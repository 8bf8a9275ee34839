package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.util.List;

/**
 * What an institution asks of every mobility it receives, whatever the sessions (e.g. a health insurance for every
 * stay at SJTUSM). Set by the international office or the institution's own coordinators; each change recomputes the
 * checklists of the open mobilities it receives.
 */
@ApplicationScoped
public class InstitutionRequirements {

    /** A requirement of an institution. */
    public record Entry(String institution, Requirement requirement) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Checklists checklists;

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> list(String institution) {
        String select = "select institution, kind, valid_for_whole_stay, checked_by from institution_requirement ";
        List<Object[]> rows = institution == null
                ? entityManager.createNativeQuery(select + "order by institution, kind").getResultList()
                : entityManager.createNativeQuery(select + "where institution = ?1 order by kind").setParameter(1, institution).getResultList();
        return rows.stream().map(r -> new Entry((String) r[0], new Requirement((String) r[1], (Boolean) r[2],
                Requirement.CheckedBy.valueOf((String) r[3])))).toList();
    }

    @Transactional
    public Entry set(String actingFor, String institution, Requirement requirement) {
        requireOwn(actingFor, institution);
        entityManager.createNativeQuery("""
                        insert into institution_requirement (institution, kind, valid_for_whole_stay, checked_by) values (?1, ?2, ?3, ?4)
                        on conflict (institution, kind) do update set valid_for_whole_stay = excluded.valid_for_whole_stay,
                        checked_by = excluded.checked_by, set_at = now()""")
                .setParameter(1, institution).setParameter(2, requirement.kind()).setParameter(3, requirement.validForWholeStay())
                .setParameter(4, requirement.checkedBy().name()).executeUpdate();
        checklists.recomputeForInstitution(institution);
        return new Entry(institution, requirement);
    }

    @Transactional
    public void remove(String actingFor, String institution, String kind) {
        requireOwn(actingFor, institution);
        int removed = entityManager.createNativeQuery("delete from institution_requirement where institution = ?1 and kind = ?2")
                .setParameter(1, institution).setParameter(2, kind).executeUpdate();
        if (removed == 0) {
            throw new ProblemException(ProblemType.NOT_FOUND);
        }
        checklists.recomputeForInstitution(institution);
    }

    /** Staff set their own institution's requirements; the international office (null) any. */
    private static void requireOwn(String actingFor, String institution) {
        if (actingFor != null && !actingFor.equals(institution)) {
            throw new ProblemException(ProblemType.FORBIDDEN);
        }
    }
}
