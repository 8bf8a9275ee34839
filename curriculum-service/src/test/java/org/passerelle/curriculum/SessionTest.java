package org.passerelle.curriculum;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionTest {

    static CatalogueItem summerProgramme() {
        var text = LocalizedText.of("Université d'été", "Summer school", "暑期学校");
        return CatalogueItem.publish(new CatalogueItem.Details(CatalogueItemKind.SUMMER_PROGRAMME, text, text, "fr",
                null, null, null, null, null, null, 4, null, java.util.List.of(), null, null, null, null, null, null, "sjtu.edu.cn"),
                java.time.Instant.now());
    }

    static Session july(int capacity) {
        return Session.plan(summerProgramme(), "2026/2027", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 30), capacity);
    }

    @Test
    void onlyAnOpenSessionHasFreeSeatsAndItOpensAgainAfterClosing() {
        var session = july(30);
        assertEquals(0, session.freeSeats());
        session.open();
        assertEquals(30, session.freeSeats());
        session.close();
        assertEquals(0, session.freeSeats());
        session.open();
        assertEquals(SessionStatus.OPEN, session.status);
        assertEquals("session-status", assertThrows(ProblemException.class, session::open).type().slug());
    }

    @Test
    void aSessionWithHoldersIsNeitherWithdrawnNorShrunkBelowThem() {
        var session = july(30);
        session.open();
        session.held = 12;
        assertEquals(CurriculumProblems.SESSION_HELD, assertThrows(ProblemException.class, session::withdraw).type());
        var invalid = assertThrows(InvalidFieldsException.class,
                () -> session.reschedule("2026/2027", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 30), 11));
        assertEquals("capacity", invalid.fields().get(0).field());
        session.reschedule("2026/2027", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 30), 12);
        session.held = 0;
        session.withdraw();
        assertEquals(SessionStatus.WITHDRAWN, session.status);
        assertThrows(ProblemException.class, session::open);
    }

    @Test
    void theStartLiesInTheAcademicYearAndTheEndDoesNotPrecedeIt() {
        var invalid = assertThrows(InvalidFieldsException.class, () -> Session.plan(summerProgramme(), "2026/2027",
                LocalDate.of(2027, 9, 6), LocalDate.of(2027, 9, 1), 30));
        assertEquals(java.util.List.of("endDate", "startDate"), invalid.fields().stream().map(InvalidFieldsException.InvalidField::field).toList());
        assertThrows(InvalidFieldsException.class, () -> Session.plan(summerProgramme(), "2026/2028",
                LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 30), 30));
    }

    @Test
    void aWithdrawnItemHasNoNewSessions() {
        var item = summerProgramme();
        item.withdraw(java.time.Instant.now());
        assertEquals(CurriculumProblems.ITEM_WITHDRAWN, assertThrows(ProblemException.class,
                () -> Session.plan(item, "2026/2027", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 30), 30)).type());
    }
}
