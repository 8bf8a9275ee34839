package org.passerelle.curriculum.mothers;

import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.Session;
import org.passerelle.curriculum.SessionStatus;

import java.time.LocalDate;

import static org.passerelle.curriculum.mothers.CatalogueItemMother.AT;

/**
 * Sessions in a given status for rule tests, by named fields and through the aggregate's own transitions:
 * {@code SessionMother.open().capacity(30).held(12).build()}. The default: the summer school of July 2027 (academic
 * year 2026/2027), 30 seats.
 */
public final class SessionMother {

    private final SessionStatus status;
    private CatalogueItem item;
    private String academicYear = "2026/2027";
    private LocalDate start = LocalDate.of(2027, 7, 5);
    private LocalDate end = LocalDate.of(2027, 7, 30);
    private int capacity = 30;
    private int held;

    private SessionMother(SessionStatus status) {
        this.status = status;
    }

    public static SessionMother planned() {
        return new SessionMother(SessionStatus.PLANNED);
    }

    public static SessionMother open() {
        return new SessionMother(SessionStatus.OPEN);
    }

    public static SessionMother closed() {
        return new SessionMother(SessionStatus.CLOSED);
    }

    public static SessionMother withdrawn() {
        return new SessionMother(SessionStatus.WITHDRAWN);
    }

    public SessionMother of(CatalogueItem item) {
        this.item = item;
        return this;
    }

    public SessionMother period(String academicYear, LocalDate start, LocalDate end) {
        this.academicYear = academicYear;
        this.start = start;
        this.end = end;
        return this;
    }

    public SessionMother capacity(int capacity) {
        this.capacity = capacity;
        return this;
    }

    /** Seats held by mobilities (in the service, only SeatLedger's statements change it). */
    public SessionMother held(int held) {
        this.held = held;
        return this;
    }

    public Session build() {
        var item = this.item == null ? CatalogueItemMother.summerProgramme().build() : this.item;
        var session = Session.plan(item, academicYear, start, end, capacity);
        switch (status) {
            case PLANNED -> {
            }
            case OPEN -> session.open(item, AT);
            case CLOSED -> {
                session.open(item, AT);
                session.close(AT);
            }
            case WITHDRAWN -> session.withdraw(AT);
        }
        session.held = held;
        return session;
    }
}
