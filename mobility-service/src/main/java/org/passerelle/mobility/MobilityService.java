package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.mobility.agreements.Agreement;
import org.passerelle.mobility.agreements.AgreementCondition;
import org.passerelle.mobility.events.MobilityAccepted;
import org.passerelle.mobility.events.MobilityCancelled;
import org.passerelle.mobility.events.MobilityCompleted;
import org.passerelle.mobility.events.MobilityNominated;
import org.passerelle.mobility.events.MobilityRejected;
import org.passerelle.mobility.events.MobilityStarted;
import org.passerelle.runtime.events.Outbox;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;
import org.passerelle.runtime.text.Identifiers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The use cases of mobilities; each change, its quota place and its event commit together.
 *
 * <p>{@code actingFor} is the caller's institution, or null for the SJTUSM international office (admin). Staff
 * of an institution see the mobilities it sends or receives; any other mobility is not found for them.
 */
@ApplicationScoped
public class MobilityService {

    /** INE: 9 digits and 2 letters (since 2018), or 10 digits and 1 letter. Only the format can be checked. */
    static final Pattern INE = Pattern.compile("[0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]");
    private static final List<String> STAFF_TYPES = List.of("STAFF_TEACHING", "STAFF_TRAINING");

    @Inject
    MobilityRepository mobilities;

    @Inject
    QuotaLedger quota;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

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
        checkCovered(actingFor, nomination, condition);
        checkDatesAndPerson(nomination, condition);
        var mobility = newMobility(nomination, condition, bulkRow);
        mobilities.persist(mobility);
        outbox.append(mobility.id, MobilityNominated.of(mobility, Instant.now()));
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

    /** The condition covers the caller's side (it must be the sending one) and the academic year. */
    private static void checkCovered(String actingFor, Nomination nomination, AgreementCondition condition) {
        if (actingFor != null && !actingFor.equals(condition.sendingInstitution)) {
            throw new ProblemException(MobilityProblems.CONDITION_MISMATCH, "sendingInstitution",
                    condition.sendingInstitution + " -> " + condition.receivingInstitution);
        }
        if (!condition.covers(nomination.academicYear())) {
            throw new ProblemException(MobilityProblems.CONDITION_MISMATCH, "academicYear",
                    condition.firstAcademicYear + " - " + condition.lastAcademicYear);
        }
    }

    private void checkDatesAndPerson(Nomination nomination, AgreementCondition condition) {
        var problems = new InvalidFieldsException.Collector();
        int startYear = Integer.parseInt(nomination.academicYear().substring(0, 4));
        LocalDate yearStarts = LocalDate.of(startYear, 9, 1);
        LocalDate arrival = nomination.plannedArrival();
        LocalDate departure = nomination.plannedDeparture();
        problems.check(!arrival.isBefore(yearStarts) && arrival.isBefore(yearStarts.plusYears(1)), "plannedArrival",
                        "nomination.arrival-in-year", nomination.academicYear())
                .check(departure.isAfter(arrival), "plannedDeparture", "nomination.departure-after-arrival");
        var person = nomination.person();
        boolean student = !STAFF_TYPES.contains(condition.mobilityType);
        if (student && !condition.sendingInstitution.equals(homeInstitution)) {
            problems.check(person.ine() != null && INE.matcher(person.ine()).matches(), "person.ine", "nomination.ine");
        }
        if (student && condition.sendingInstitution.equals(homeInstitution)) {
            problems.check(person.studentNumber() != null && !person.studentNumber().isBlank(), "person.studentNumber",
                    "nomination.student-number");
        }
        problems.throwIfAny();
        long days = ChronoUnit.DAYS.between(arrival, departure);
        if ((condition.minimumDays != null && days < condition.minimumDays)
                || (condition.maximumDays != null && days > condition.maximumDays)) {
            throw new ProblemException(MobilityProblems.DURATION_OUTSIDE, days,
                    condition.minimumDays == null ? "-" : condition.minimumDays,
                    condition.maximumDays == null ? "-" : condition.maximumDays);
        }
    }

    private static Mobility newMobility(Nomination nomination, AgreementCondition condition, BulkRow bulkRow) {
        var m = new Mobility();
        m.id = UUID.randomUUID();
        m.status = MobilityStatus.NOMINATED;
        m.agreementId = condition.agreementId;
        m.conditionId = condition.conditionId;
        m.mobilityType = condition.mobilityType;
        m.academicYear = nomination.academicYear();
        m.sendingInstitution = condition.sendingInstitution;
        m.receivingInstitution = condition.receivingInstitution;
        m.plannedArrival = nomination.plannedArrival();
        m.plannedDeparture = nomination.plannedDeparture();
        var person = nomination.person();
        m.personId = person.personId() != null ? person.personId() : UUID.randomUUID();
        m.givenName = person.givenName();
        m.familyName = person.familyName();
        m.chineseName = person.chineseName();
        m.email = person.email();
        m.ine = person.ine();
        m.studentNumber = person.studentNumber();
        if (bulkRow != null) {
            m.batchId = bulkRow.batchId();
            m.creationKey = bulkRow.creationKey();
            m.creationRow = bulkRow.creationKey() == null ? null : bulkRow.row();
        }
        m.requestSessions(nomination.requestedSessions() == null ? List.of() : nomination.requestedSessions());
        return m;
    }

    @Transactional
    public Mobility accept(UUID id, long expectedVersion, String actingFor) {
        var mobility = receivingSide(id, expectedVersion, actingFor);
        mobility.accept();
        outbox.append(mobility.id, MobilityAccepted.of(mobility, Instant.now()));
        return mobility;
    }

    @Transactional
    public Mobility reject(UUID id, long expectedVersion, String actingFor, String reason) {
        var mobility = receivingSide(id, expectedVersion, actingFor);
        mobility.reject(reason);
        Instant now = Instant.now();
        quota.release(mobility.conditionId, mobility.academicYear);
        closed.fire(new MobilityClosed(mobility.id, mobility.status, now));
        outbox.append(mobility.id, MobilityRejected.of(mobility, now));
        return mobility;
    }

    @Transactional
    public Mobility arrive(UUID id, long expectedVersion, String actingFor, LocalDate on) {
        var mobility = receivingSide(id, expectedVersion, actingFor);
        mobility.arrive(on);
        outbox.append(mobility.id, MobilityStarted.of(mobility, Instant.now()));
        return mobility;
    }

    @Transactional
    public Mobility depart(UUID id, long expectedVersion, String actingFor, LocalDate on) {
        var mobility = receivingSide(id, expectedVersion, actingFor);
        mobility.depart(on);
        outbox.append(mobility.id, MobilityCompleted.of(mobility, Instant.now()));
        return mobility;
    }

    /** Either side may cancel before arrival: the student withdrew, or the placement fell through. */
    @Transactional
    public Mobility cancel(UUID id, long expectedVersion, String actingFor, String reason) {
        var mobility = find(id, expectedVersion, actingFor);
        mobility.cancel(reason);
        Instant now = Instant.now();
        quota.release(mobility.conditionId, mobility.academicYear);
        closed.fire(new MobilityClosed(mobility.id, mobility.status, now));
        outbox.append(mobility.id, MobilityCancelled.of(mobility, now));
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
