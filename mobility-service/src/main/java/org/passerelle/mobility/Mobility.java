package org.passerelle.mobility;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.passerelle.mobility.agreements.AgreementCondition;
import org.passerelle.mobility.events.MobilityAccepted;
import org.passerelle.mobility.events.MobilityCancelled;
import org.passerelle.mobility.events.MobilityCompleted;
import org.passerelle.mobility.events.MobilityEvent;
import org.passerelle.mobility.events.MobilityNominated;
import org.passerelle.mobility.events.MobilityRejected;
import org.passerelle.mobility.events.MobilitySeatRefused;
import org.passerelle.mobility.events.MobilityStarted;
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One person's stay at a partner institution, counted against a place of a cooperation condition of an
 * active agreement. NOMINATED by the sending side, ACCEPTED or REJECTED by the receiving side, IN_PROGRESS
 * once arrival is confirmed, COMPLETED once departure is; CANCELLED any time before arrival; SEAT_REFUSED when
 * curriculum-service refused a session the nomination asked for (see {@link MobilityStatus}).
 *
 * <p>The aggregate of mobility-service: its status changes only through its methods, which enforce the rules of
 * each transition and return the events it causes; MobilityService loads, calls, saves and publishes them. Its
 * fields are public for reading (views, queries).
 */
@Entity
public class Mobility {

    /** A catalogue session the mobility asked for, and curriculum-service's answer. */
    @Embeddable
    public static class RequestedSession {

        public enum Seat { REQUESTED, HELD, REFUSED, RELEASED }

        @Column(name = "session_id", nullable = false)
        public UUID sessionId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Seat seat = Seat.REQUESTED;

        /** Why a seat was refused or released, as curriculum-service says it (e.g. SESSION_FULL). */
        public String reason;

        protected RequestedSession() {
        }

        RequestedSession(UUID sessionId) {
            this.sessionId = sessionId;
        }
    }

    /** The status reason of a nomination cancelled because its agreement was terminated. */
    public static final String AGREEMENT_TERMINATED = "AGREEMENT_TERMINATED";
    /** The longest status reason kept (the column's size, the API's limit on a reason). */
    static final int MAX_REASON = 2000;

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MobilityStatus status;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "condition_id", nullable = false)
    public UUID conditionId;

    @Column(name = "mobility_type", nullable = false)
    public String mobilityType;

    /** The receiving side's academic year, e.g. 2025/2026. */
    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(name = "sending_institution", nullable = false)
    public String sendingInstitution;

    @Column(name = "receiving_institution", nullable = false)
    public String receivingInstitution;

    @Column(name = "planned_arrival", nullable = false)
    public LocalDate plannedArrival;

    @Column(name = "planned_departure", nullable = false)
    public LocalDate plannedDeparture;

    @Column(name = "arrived_on")
    public LocalDate arrivedOn;

    @Column(name = "departed_on")
    public LocalDate departedOn;

    /** Why it was rejected or cancelled. */
    @Column(name = "status_reason")
    public String statusReason;

    /** The person in identity-service when the nomination named one; otherwise an id of this nomination's person. */
    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    /** The name in Chinese characters, for Chinese students. */
    @Column(name = "chinese_name")
    public String chineseName;

    /** The student's email: a student sees the mobilities whose email is their token's. */
    @Column(nullable = false)
    public String email;

    /** The names as they are searched, computed by the database (see V5__name_search.sql); never written here. */
    @Column(name = "name_search", insertable = false, updatable = false)
    String nameSearch;

    /** French national student identifier (INE), for students sent by a French institution. */
    public String ine;

    /** SJTU student number, for students sent by SJTUSM. */
    @Column(name = "student_number")
    public String studentNumber;

    /** The bulk nomination that created it, if any. */
    @Column(name = "batch_id")
    public UUID batchId;

    /** The Idempotency-Key of the bulk nomination whose row created it (see IdempotentCreations.creationKey). */
    @Column(name = "creation_key")
    public UUID creationKey;

    /** Its row in that bulk nomination, from 1: with creationKey, unique. */
    @Column(name = "creation_row")
    public Integer creationRow;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mobility_session", joinColumns = @JoinColumn(name = "mobility_id"))
    public List<RequestedSession> sessions = new ArrayList<>();

    /** Set by the database; read back in the insert itself, so the nomination's answer shows it. */
    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    /** Set by the database on every change (trigger mobility_changed). */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "changed_at", insertable = false, updatable = false)
    public Instant changedAt;

    @Version
    public long version;

    /** A new mobility and the event that announces it (asking curriculum-service to hold its sessions). */
    public record Nominated(Mobility mobility, List<MobilityEvent> events) {
    }

    /** curriculum-service's refusal of a seat in one session, with its reason (SESSION_FULL, SESSION_NOT_OPEN...). */
    public record SeatRefusal(UUID sessionId, String reason) {
    }

    /**
     * A nomination that meets the condition's rules ({@link Nomination#check}, done by the caller with the condition
     * in force) becomes a NOMINATED mobility of {@code personId} (see people.KnownPeople for how it is found).
     */
    public static Nominated nominate(Nomination nomination, AgreementCondition condition, UUID personId, Instant at) {
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
        m.personId = personId;
        m.givenName = person.givenName();
        m.familyName = person.familyName();
        m.chineseName = person.chineseName();
        m.email = person.email();
        m.ine = person.ine();
        m.studentNumber = person.studentNumber();
        nomination.requestedSessions().stream().distinct().forEach(id -> m.sessions.add(new RequestedSession(id)));
        return new Nominated(m, List.of(MobilityNominated.of(m, at)));
    }

    /** The row of a bulk nomination that created it; {@code creationKey} null when the bulk had no Idempotency-Key. */
    public void createdByBulkRow(UUID batchId, UUID creationKey, int row) {
        this.batchId = batchId;
        this.creationKey = creationKey;
        this.creationRow = creationKey == null ? null : row;
    }

    /** NOMINATED -> ACCEPTED, by the receiving side. */
    public List<MobilityEvent> accept(Instant at) {
        require(MobilityStatus.NOMINATED, "accept");
        status = MobilityStatus.ACCEPTED;
        return List.of(MobilityAccepted.of(this, at));
    }

    /** NOMINATED -> REJECTED, by the receiving side, with its reason: the quota place is freed. */
    public List<MobilityEvent> reject(String reason, Instant at) {
        require(MobilityStatus.NOMINATED, "reject");
        status = MobilityStatus.REJECTED;
        statusReason = reason;
        return List.of(MobilityRejected.of(this, at));
    }

    /** NOMINATED or ACCEPTED -> CANCELLED, before arrival: the quota place is freed. */
    public List<MobilityEvent> cancel(String reason, Instant at) {
        if (status != MobilityStatus.NOMINATED && status != MobilityStatus.ACCEPTED) {
            throw new ProblemException(MobilityProblems.WRONG_STATUS, status, "cancel");
        }
        status = MobilityStatus.CANCELLED;
        statusReason = reason;
        return List.of(MobilityCancelled.of(this, at));
    }

    /** ACCEPTED -> IN_PROGRESS: the person arrived. */
    public List<MobilityEvent> arrive(LocalDate on, Instant at) {
        require(MobilityStatus.ACCEPTED, "confirm the arrival");
        status = MobilityStatus.IN_PROGRESS;
        arrivedOn = on;
        return List.of(MobilityStarted.of(this, at));
    }

    /** IN_PROGRESS -> COMPLETED: the person left, not before they arrived. */
    public List<MobilityEvent> depart(LocalDate on, Instant at) {
        require(MobilityStatus.IN_PROGRESS, "confirm the departure");
        if (on.isBefore(arrivedOn)) {
            throw new ProblemException(MobilityProblems.DEPARTURE_BEFORE_ARRIVAL, arrivedOn);
        }
        status = MobilityStatus.COMPLETED;
        departedOn = on;
        return List.of(MobilityCompleted.of(this, at));
    }

    /** curriculum-service holds a seat in these sessions. */
    public void seatsHeld(List<UUID> sessionIds) {
        sessionIds.forEach(id -> answerSeat(id, RequestedSession.Seat.HELD, null));
    }

    /** curriculum-service freed these seats (the mobility ended, or the session was closed), with its reason. */
    public void seatsReleased(List<UUID> sessionIds, String reason) {
        sessionIds.forEach(id -> answerSeat(id, RequestedSession.Seat.RELEASED, reason));
    }

    /**
     * The seat saga's compensation: curriculum-service refused a seat the nomination asked for. The refusal shows on
     * its sessions; a mobility still NOMINATED leaves it for SEAT_REFUSED with the refusals' reasons, which frees its
     * quota place (the sending side nominates again with other sessions). Once the mobility has left NOMINATED
     * (accepted, cancelled, or refused already), the refusal changes its sessions only: no new status, no event.
     */
    public List<MobilityEvent> seatsRefused(List<SeatRefusal> refusals, Instant at) {
        refusals.forEach(r -> answerSeat(r.sessionId(), RequestedSession.Seat.REFUSED, r.reason()));
        if (status != MobilityStatus.NOMINATED) {
            return List.of();
        }
        status = MobilityStatus.SEAT_REFUSED;
        statusReason = String.join(", ", refusals.stream().map(SeatRefusal::reason).distinct().toList());
        return List.of(MobilitySeatRefused.of(this, refusals, at));
    }

    /**
     * Its agreement was terminated: a nomination still waiting for the receiving side's answer is cancelled
     * (reason AGREEMENT_TERMINATED, with the agreement's), which frees its place and seats. An accepted mobility
     * goes on: the partners honour the stays they agreed to. Any other status: nothing changes.
     */
    public List<MobilityEvent> agreementTerminated(String reason, Instant at) {
        if (status != MobilityStatus.NOMINATED) {
            return List.of();
        }
        status = MobilityStatus.CANCELLED;
        String why = reason == null || reason.isBlank() ? AGREEMENT_TERMINATED : AGREEMENT_TERMINATED + ": " + reason;
        statusReason = why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON);
        return List.of(MobilityCancelled.of(this, at));
    }

    /** Whether it still holds its quota place: released when rejected, cancelled or refused its seats. */
    public boolean holdsPlace() {
        return status != MobilityStatus.REJECTED && status != MobilityStatus.CANCELLED && status != MobilityStatus.SEAT_REFUSED;
    }

    private void answerSeat(UUID sessionId, RequestedSession.Seat seat, String reason) {
        sessions.stream().filter(s -> s.sessionId.equals(sessionId)).forEach(s -> {
            s.seat = seat;
            s.reason = reason;
        });
    }

    public boolean involves(String institution) {
        return sendingInstitution.equals(institution) || receivingInstitution.equals(institution);
    }

    private void require(MobilityStatus expected, String action) {
        if (status != expected) {
            throw new ProblemException(MobilityProblems.WRONG_STATUS, status, action);
        }
    }
}
