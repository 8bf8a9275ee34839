package org.passerelle.curriculum;

import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.events.SessionClosed;
import org.passerelle.curriculum.events.SessionOpened;
import org.passerelle.curriculum.mothers.CatalogueItemMother;
import org.passerelle.curriculum.mothers.SessionMother;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.passerelle.curriculum.mothers.CatalogueItemMother.AT;

/** A session's capacity, its status and the events its changes cause, without starting anything. */
class SessionRulesTest {

    private static final LocalDate JULY_5 = LocalDate.of(2027, 7, 5);
    private static final LocalDate JULY_30 = LocalDate.of(2027, 7, 30);

    @Test
    void anOpenedSessionIsAnnouncedWithItsFreeSeatsAndItOpensAgainAfterClosing() {
        var item = CatalogueItemMother.summerProgramme().build();
        var session = SessionMother.planned().of(item).capacity(30).build();
        assertEquals(0, session.freeSeats(), "a planned session takes no holds");

        var opened = assertInstanceOf(SessionOpened.class, single(session.open(item, AT)));
        assertEquals(new SessionOpened(session.id, item.id, "2026/2027", JULY_5, JULY_30, 30, 30, AT), opened);
        assertEquals(30, session.freeSeats());

        assertEquals(new SessionClosed(session.id, item.id, false, AT), single(session.close(AT)));
        assertEquals(0, session.freeSeats());
        session.open(item, AT);
        assertEquals(SessionStatus.OPEN, session.status);
        assertEquals(CurriculumProblems.SESSION_STATUS, assertThrows(ProblemException.class, () -> session.open(item, AT)).type());
        assertEquals(CurriculumProblems.SESSION_STATUS,
                assertThrows(ProblemException.class, () -> SessionMother.planned().build().close(AT)).type());
    }

    @Test
    void aSessionWithHoldersIsNeitherWithdrawnNorShrunkBelowThem() {
        var session = SessionMother.open().capacity(30).held(12).build();
        assertEquals(18, session.freeSeats());

        assertEquals(CurriculumProblems.SESSION_HELD, assertThrows(ProblemException.class, () -> session.withdraw(AT)).type());
        var invalid = assertThrows(InvalidFieldsException.class, () -> session.reschedule("2026/2027", JULY_5, JULY_30, 11));
        assertEquals("capacity", invalid.fields().get(0).field());
        session.reschedule("2026/2027", JULY_5, JULY_30, 12);
        assertEquals(0, session.freeSeats());
        assertEquals(SessionStatus.OPEN, session.status);
    }

    @Test
    void onlyASessionThatWasTakingHoldsSaysItsWithdrawal() {
        var open = SessionMother.open().build();
        var closed = assertInstanceOf(SessionClosed.class, single(open.withdraw(AT)));
        assertEquals(true, closed.withdrawn());

        var planned = SessionMother.planned().build();
        assertEquals(List.of(), planned.withdraw(AT));
        assertEquals(SessionStatus.WITHDRAWN, planned.status);
        var withdrawn = SessionMother.withdrawn().build();
        assertEquals(CurriculumProblems.SESSION_STATUS, assertThrows(ProblemException.class, () -> withdrawn.withdraw(AT)).type());
        assertEquals(CurriculumProblems.SESSION_STATUS, assertThrows(ProblemException.class,
                () -> withdrawn.reschedule("2026/2027", JULY_5, JULY_30, 30)).type());
    }

    @Test
    void theStartLiesInTheAcademicYearAndTheEndDoesNotPrecedeIt() {
        var item = CatalogueItemMother.summerProgramme().build();
        var invalid = assertThrows(InvalidFieldsException.class, () -> Session.plan(item, "2026/2027",
                LocalDate.of(2027, 9, 6), LocalDate.of(2027, 9, 1), 30));
        assertEquals(List.of("endDate", "startDate"), invalid.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
        assertThrows(InvalidFieldsException.class, () -> Session.plan(item, "2026/2028", JULY_5, JULY_30, 30));
    }

    @Test
    void aWithdrawnItemHasNoNewSessionsAndNoneOfItsSessionsOpens() {
        var item = CatalogueItemMother.summerProgramme().build();
        var session = SessionMother.planned().of(item).build();
        item.withdraw(List.of(), AT);

        assertEquals(CurriculumProblems.ITEM_WITHDRAWN, assertThrows(ProblemException.class,
                () -> Session.plan(item, "2026/2027", JULY_5, JULY_30, 30)).type());
        assertEquals(CurriculumProblems.ITEM_WITHDRAWN, assertThrows(ProblemException.class, () -> session.open(item, AT)).type());
        assertEquals(SessionStatus.PLANNED, session.status);
    }

    private static <T> T single(List<T> events) {
        assertEquals(1, events.size(), () -> "one event: " + events);
        return events.get(0);
    }
}
