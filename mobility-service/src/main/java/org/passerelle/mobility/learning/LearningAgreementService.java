package org.passerelle.mobility.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.mobility.DomainEvents;
import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityClosed;
import org.passerelle.mobility.MobilityService;
import org.passerelle.mobility.events.LearningAgreementProposed;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The use cases of learning agreements. Whoever sees the mobility sees its learning agreement (MobilityService
 * decides: staff of either side, the student whose email it is, the international office); the caller's role
 * and institution decide which party they approve as.
 */
@ApplicationScoped
public class LearningAgreementService {

    /**
     * Who calls: the token's subject and role; {@code institution} is null for the international office (admin),
     * {@code studentEmail} is set only for a student.
     */
    public record Caller(String subject, String role, String institution, String studentEmail) {

        boolean isAdmin() {
            return institution == null && studentEmail == null;
        }
    }

    @Inject
    MobilityService mobilities;

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    /** The learning agreement as the caller may see it; a mobility without one answers an empty agreement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LearningAgreement find(UUID mobilityId, Caller caller) {
        visible(mobilityId, caller);
        var agreement = entityManager.find(LearningAgreement.class, mobilityId);
        return agreement != null ? agreement : LearningAgreement.none(mobilityId);
    }

    @Transactional
    public LearningAgreement propose(UUID mobilityId, long expectedRevision, Caller caller, List<Component.Draft> components) {
        var mobility = visible(mobilityId, caller);
        var agreement = locked(mobilityId, true);
        var proposed = agreement.propose(mobility, expectedRevision, components, caller.subject(), Instant.now());
        // the parties whose approval it waits for are told (identity-service mails them)
        events.publish(List.of(LearningAgreementProposed.of(mobility, proposed)));
        return agreement;
    }

    @Transactional
    public LearningAgreement approve(UUID mobilityId, Caller caller, String contentHash, Party asked) {
        var mobility = visible(mobilityId, caller);
        Party party = partyOf(mobility, caller, asked);
        var agreement = locked(mobilityId, false);
        if (agreement == null) {
            agreement = LearningAgreement.none(mobilityId);   // nothing proposed yet: approve refuses
        }
        events.publish(agreement.approve(mobility, party, contentHash, caller.subject(), caller.role(), Instant.now()));
        return agreement;
    }

    /**
     * A rejected or cancelled mobility's pending proposal is withdrawn in the same transaction: approvals given
     * afterwards are refused (the mobility is closed) and the history shows the proposal ended, not still waiting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawPending(@Observes MobilityClosed closed) {
        var agreement = locked(closed.mobilityId(), false);
        if (agreement != null) {
            agreement.withdrawPending(closed.at());
        }
    }

    private Mobility visible(UUID mobilityId, Caller caller) {
        return mobilities.find(mobilityId, caller.institution(), caller.studentEmail());
    }

    /**
     * The learning agreement, locked until the transaction ends, so that changes of one mobility's agreement
     * happen one after the other: two parties approving at once both count. Created on the first proposal.
     */
    private LearningAgreement locked(UUID mobilityId, boolean create) {
        if (create) {
            entityManager.createNativeQuery("insert into learning_agreement (mobility_id) values (?1) on conflict do nothing")
                    .setParameter(1, mobilityId).executeUpdate();
        }
        // the row alone is locked (select for update cannot lock the outer join that loads the versions)
        List<?> row = entityManager.createNativeQuery("select revision from learning_agreement where mobility_id = ?1 for update")
                .setParameter(1, mobilityId).getResultList();
        return row.isEmpty() ? null : entityManager.find(LearningAgreement.class, mobilityId);
    }

    /**
     * The party the caller approves as: a student for themselves; staff for the side their institution is on; the
     * international office for the coordinator side it names, since it may act for either (never for the student).
     * A named party that is not the caller's is refused by field.
     */
    static Party partyOf(Mobility mobility, Caller caller, Party asked) {
        Party party;
        if (caller.studentEmail() != null) {
            party = Party.STUDENT;
        } else if (caller.isAdmin()) {
            var problems = new InvalidFieldsException.Collector();
            problems.check(asked != null && asked != Party.STUDENT, "party", "learning.admin-party").throwIfAny();
            return asked;
        } else {
            party = caller.institution().equals(mobility.sendingInstitution) ? Party.SENDING_COORDINATOR : Party.RECEIVING_COORDINATOR;
        }
        new InvalidFieldsException.Collector().check(asked == null || asked == party, "party", "learning.not-your-party", party)
                .throwIfAny();
        return party;
    }
}
