package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.privacy.ChangeAudit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.mobility.agreements.Agreement;
import org.passerelle.mobility.agreements.AgreementCondition;
import org.passerelle.mobility.events.MobilityEvent;
import org.passerelle.mobility.people.KnownPeople;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;
import org.passerelle.runtime.text.Identifiers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The use cases of mobilities: each loads the mobility, asks it to change (the rules are Mobility's and
 * Nomination's), and saves the change with its quota place and its events, which commit together.
 *
 * <p>{@code actingFor} is the caller's institution, or null for the SJTUSM international office (admin). Staff
 * of an institution see the mobilities it sends or receives; any other mobility is not found for them.
 */
@ApplicationScoped
public class MobilityService {

    @Inject
    ChangeAudit changeAudit;

    @Inject
    MobilityRepository mobilities;

    @Inject
    QuotaLedger quota;

    @Inject
    EntityManager entityManager;

    @Inject
    DomainEvents events;

    @Inject
    KnownPeople people;

    @Inject
    Event<MobilityClosed> closed;

    @ConfigProperty(name = "passerelle.home-institution", defaultValue = "sjtu.edu.cn")
    String homeInstitution;

    /**
     * Where a nomination comes from when a bulk nomination made it: its batch and, when the bulk was sent with an
     * Idempotency-Key, that key's creation key and the row's number (unique together, so a row is never nominated twice).
     */
    public record BulkRow(UUID batchId, UUID creationKey, int row) {
    }

    /** Nominates; {@code bulkRow} is null for a nomination of its own. */
    @Transactional
    public Mobility nominate(String actingFor, Nomination nomination, BulkRow bulkRow) {
        var condition = conditionInForce(nomination);
        nomination.check(condition, actingFor, homeInstitution);
        var nominated = Mobility.nominate(nomination, condition, nomination.person().identify(people), Instant.now());
        var mobility = nominated.mobility();
        if (bulkRow != null) {
            mobility.createdByBulkRow(bulkRow.batchId(), bulkRow.creationKey(), bulkRow.row());
        }
        mobilities.persist(mobility);
        events.publish(nominated.events());
        changeAudit.record(bulkRow == null ? "POST /api/mobilities" : "POST /api/mobilities/bulk", List.of(mobility.personId),
                nomination.person().writtenFields());
        // the place last: its row lock queues every nomination of the same condition and year until commit, so it
        // is held for the commit alone, not while the mobility and its event are written (refused: all rolled back)
        if (!quota.take(condition.conditionId, nomination.academicYear(), condition.placesPerYear)) {
            throw new ProblemException(MobilityProblems.QUOTA_EXHAUSTED, condition.placesPerYear, nomination.academicYear());
        }
        return mobility;
    }

    /**
     * The nominated condition of an active agreement, refused otherwise. The agreement's status and the condition
     * come in one query: nothing else of the agreement is needed here.
     */
    private AgreementCondition conditionInForce(Nomination nomination) {
        List<Object[]> found = entityManager.createQuery("""
                        select a.status, c from Agreement a
                        left join AgreementCondition c on c.agreementId = a.id and c.conditionId = :condition
                        where a.id = :agreement""", Object[].class)
                .setParameter("agreement", nomination.agreementId()).setParameter("condition", nomination.conditionId())
                .getResultList();
        var status = found.isEmpty() ? null : (Agreement.Status) found.get(0)[0];
        if (status != Agreement.Status.ACTIVE) {
            throw new ProblemException(MobilityProblems.AGREEMENT_NOT_ACTIVE, nomination.agreementId(),
                    status == null ? "UNKNOWN" : status);
        }
        var condition = (AgreementCondition) found.get(0)[1];
        if (condition == null) {
            throw new ProblemException(MobilityProblems.CONDITION_MISMATCH, "conditionId", "-");
        }
        return condition;
    }

    @Transactional
    public Mobility accept(UUID id, long expectedVersion, String actingFor) {
        return change(receivingSide(id, expectedVersion, actingFor), (m, at) -> m.accept(at));
    }

    @Transactional
    public Mobility reject(UUID id, long expectedVersion, String actingFor, String reason) {
        return change(receivingSide(id, expectedVersion, actingFor), (m, at) -> m.reject(reason, at));
    }

    @Transactional
    public Mobility arrive(UUID id, long expectedVersion, String actingFor, LocalDate on) {
        return change(receivingSide(id, expectedVersion, actingFor), (m, at) -> m.arrive(on, at));
    }

    @Transactional
    public Mobility depart(UUID id, long expectedVersion, String actingFor, LocalDate on) {
        return change(receivingSide(id, expectedVersion, actingFor), (m, at) -> m.depart(on, at));
    }

    /** Either side may cancel before arrival: the student withdrew, or the placement fell through. */
    @Transactional
    public Mobility cancel(UUID id, long expectedVersion, String actingFor, String reason) {
        return change(find(id, expectedVersion, actingFor), (m, at) -> m.cancel(reason, at));
    }

    /**
     * The seat saga's compensation, in the transaction of the SeatsRefused event: see Mobility.seatsRefused. A
     * mobility unknown here is skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seatsRefused(UUID mobilityId, List<Mobility.SeatRefusal> refusals) {
        mobilities.findByIdOptional(mobilityId).ifPresent(m -> change(m, (mobility, at) -> mobility.seatsRefused(refusals, at)));
    }

    /** An agreement was terminated: its nominations still waiting for an answer are cancelled (Mobility.agreementTerminated). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void agreementTerminated(UUID agreementId, String reason) {
        mobilities.list("agreementId = ?1 and status = ?2", agreementId, MobilityStatus.NOMINATED)
                .forEach(m -> change(m, (mobility, at) -> mobility.agreementTerminated(reason, at)));
    }

    /**
     * Applies a change of the aggregate and what follows from it, in the caller's transaction: a mobility that no
     * longer holds its quota place gives it back and closes what hangs on it (its pending learning-agreement
     * proposal), and the events it returned go to the outbox.
     */
    private Mobility change(Mobility mobility, BiFunction<Mobility, Instant, List<MobilityEvent>> change) {
        Instant now = Instant.now();
        boolean heldPlace = mobility.holdsPlace();
        var caused = change.apply(mobility, now);
        if (heldPlace && !mobility.holdsPlace()) {
            quota.release(mobility.conditionId, mobility.academicYear);
            closed.fire(new MobilityClosed(mobility.id, mobility.status, now));
        }
        events.publish(caused);
        return mobility;
    }

    private Mobility receivingSide(UUID id, long expectedVersion, String actingFor) {
        var mobility = find(id, expectedVersion, actingFor);
        if (actingFor != null && !actingFor.equals(mobility.receivingInstitution)) {
            throw new ProblemException(MobilityProblems.NOT_RECEIVING_SIDE, mobility.receivingInstitution);
        }
        return mobility;
    }

    private Mobility find(UUID id, long expectedVersion, String actingFor) {
        var mobility = find(id, actingFor, null);
        if (mobility.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        return mobility;
    }

    /**
     * The mobility as the caller may see it: staff of its sending or receiving institution, the student whose
     * email it is, or the international office; to anyone else it does not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Mobility find(UUID id, String actingFor, String studentEmail) {
        return mobilities.findByIdOptional(id)
                .filter(m -> studentEmail != null ? m.email.equals(Identifiers.email(studentEmail)) : actingFor == null || m.involves(actingFor))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }
}
