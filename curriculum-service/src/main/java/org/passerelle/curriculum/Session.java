package org.passerelle.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.passerelle.curriculum.events.CatalogueEvent;
import org.passerelle.curriculum.events.SessionClosed;
import org.passerelle.curriculum.events.SessionOpened;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A catalogue item offered in a period of an academic year, with a number of seats.
 *
 * <p>An aggregate of curriculum-service: its status and capacity change only through its methods, which enforce
 * their rules and return the events they cause (keyed by the item, so an item's events stay in order). The seats
 * themselves are held and released by SeatLedger, one conditional statement each, never through this entity.
 */
@Entity
@Table(name = "catalogue_session")
public class Session {

    @Id
    public UUID id;

    @Column(name = "item_id", nullable = false, updatable = false)
    public UUID itemId;

    @Column(name = "academic_year", nullable = false)
    public String academicYear;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(nullable = false)
    public int capacity;

    /**
     * Seats held. Never written through the entity: holds change it by a conditional update in the database
     * (SeatLedger), and an entity write with a value read earlier would undo holds made meanwhile.
     */
    @Column(insertable = false, updatable = false)
    public int held;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    /** The creation key of the bulk that created it with an Idempotency-Key, and its row there; else null. */
    @Column(name = "creation_key", updatable = false)
    public UUID creationKey;

    @Column(name = "creation_row", updatable = false)
    public Integer creationRow;

    @Version
    public long version;

    public static Session plan(CatalogueItem item, String academicYear, LocalDate startDate, LocalDate endDate, int capacity) {
        item.requirePublished();
        checkPeriod(academicYear, startDate, endDate);
        var session = new Session();
        session.id = UUID.randomUUID();
        session.itemId = item.id;
        session.academicYear = academicYear;
        session.startDate = startDate;
        session.endDate = endDate;
        session.capacity = capacity;
        session.status = SessionStatus.PLANNED;
        return session;
    }

    /** Moves the period or changes the capacity; never below the seats already held (read under a row lock). */
    public void reschedule(String academicYear, LocalDate startDate, LocalDate endDate, int capacity) {
        requireNot(SessionStatus.WITHDRAWN, "change");
        checkPeriod(academicYear, startDate, endDate);
        if (capacity < held) {
            throw new InvalidFieldsException(List.of(
                    new InvalidFieldsException.InvalidField("capacity", "session.capacity-below-held", held)));
        }
        this.academicYear = academicYear;
        this.startDate = startDate;
        this.endDate = endDate;
        this.capacity = capacity;
    }

    /** PLANNED or CLOSED -> OPEN, while its item ({@code item}) is offered: seats may be held. */
    public List<CatalogueEvent> open(CatalogueItem item, Instant at) {
        item.requirePublished();
        if (status != SessionStatus.PLANNED && status != SessionStatus.CLOSED) {
            throw new ProblemException(CurriculumProblems.SESSION_STATUS, status, "open");
        }
        status = SessionStatus.OPEN;
        return List.of(SessionOpened.of(this, at));
    }

    /** OPEN -> CLOSED: no new holds; the seats held stay held. */
    public List<CatalogueEvent> close(Instant at) {
        if (status != SessionStatus.OPEN) {
            throw new ProblemException(CurriculumProblems.SESSION_STATUS, status, "close");
        }
        status = SessionStatus.CLOSED;
        return List.of(new SessionClosed(id, itemId, false, at));
    }

    /**
     * Not offered any more; refused while mobilities hold seats, until they are released or moved. Only a session
     * that was taking holds (OPEN) says so: a planned or closed one took none, so nobody waits on it.
     */
    public List<CatalogueEvent> withdraw(Instant at) {
        requireNot(SessionStatus.WITHDRAWN, "withdraw");
        requireNoHolders();
        boolean wasTakingHolds = status == SessionStatus.OPEN;
        status = SessionStatus.WITHDRAWN;
        return wasTakingHolds ? List.of(new SessionClosed(id, itemId, true, at)) : List.of();
    }

    void requireNoHolders() {
        if (held > 0) {
            throw new ProblemException(CurriculumProblems.SESSION_HELD, held);
        }
    }

    public int freeSeats() {
        return status == SessionStatus.OPEN ? capacity - held : 0;
    }

    private void requireNot(SessionStatus forbidden, String action) {
        if (status == forbidden) {
            throw new ProblemException(CurriculumProblems.SESSION_STATUS, status, action);
        }
    }

    private static void checkPeriod(String academicYear, LocalDate startDate, LocalDate endDate) {
        var problems = new InvalidFieldsException.Collector();
        boolean yearValid = AcademicYear.isValid(academicYear);
        problems.check(yearValid, "academicYear", "session.academic-year")
                .check(!endDate.isBefore(startDate), "endDate", "session.period-order", startDate);
        if (yearValid) {
            problems.check(AcademicYear.contains(academicYear, startDate), "startDate", "session.outside-year", academicYear);
        }
        problems.throwIfAny();
    }
}
