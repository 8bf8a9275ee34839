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
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One person's stay at a partner institution, counted against a place of a cooperation condition of an
 * active agreement. NOMINATED by the sending side, ACCEPTED or REJECTED by the receiving side, IN_PROGRESS
 * once arrival is confirmed, COMPLETED once departure is; CANCELLED any time before arrival.
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

    public void requestSessions(List<UUID> sessionIds) {
        sessionIds.stream().distinct().forEach(id -> sessions.add(new RequestedSession(id)));
    }

    /** NOMINATED -> ACCEPTED, by the receiving side. */
    public void accept() {
        require(MobilityStatus.NOMINATED, "accept");
        status = MobilityStatus.ACCEPTED;
    }

    /** NOMINATED -> REJECTED, by the receiving side, with its reason: the quota place is freed. */
    public void reject(String reason) {
        require(MobilityStatus.NOMINATED, "reject");
        status = MobilityStatus.REJECTED;
        statusReason = reason;
    }

    /** NOMINATED or ACCEPTED -> CANCELLED, before arrival: the quota place is freed. */
    public void cancel(String reason) {
        if (status != MobilityStatus.NOMINATED && status != MobilityStatus.ACCEPTED) {
            throw new ProblemException(MobilityProblems.WRONG_STATUS, status, "cancel");
        }
        status = MobilityStatus.CANCELLED;
        statusReason = reason;
    }

    /** ACCEPTED -> IN_PROGRESS: the person arrived. */
    public void arrive(LocalDate on) {
        require(MobilityStatus.ACCEPTED, "confirm the arrival");
        status = MobilityStatus.IN_PROGRESS;
        arrivedOn = on;
    }

    /** IN_PROGRESS -> COMPLETED: the person left. */
    public void depart(LocalDate on) {
        require(MobilityStatus.IN_PROGRESS, "confirm the departure");
        if (on.isBefore(arrivedOn)) {
            throw new ProblemException(MobilityProblems.DEPARTURE_BEFORE_ARRIVAL, arrivedOn);
        }
        status = MobilityStatus.COMPLETED;
        departedOn = on;
    }

    /** Whether it still holds its quota place: released when rejected or cancelled. */
    public boolean holdsPlace() {
        return status != MobilityStatus.REJECTED && status != MobilityStatus.CANCELLED;
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
