package org.passerelle.mobility;

import org.junit.jupiter.api.Test;
import org.passerelle.mobility.events.MobilityAccepted;
import org.passerelle.mobility.events.MobilityCancelled;
import org.passerelle.mobility.events.MobilityCompleted;
import org.passerelle.mobility.events.MobilityNominated;
import org.passerelle.mobility.events.MobilityRejected;
import org.passerelle.mobility.events.MobilitySeatRefused;
import org.passerelle.mobility.events.MobilityStarted;
import org.passerelle.mobility.mothers.ConditionMother;
import org.passerelle.mobility.mothers.MobilityMother;
import org.passerelle.mobility.mothers.NominationMother;
import org.passerelle.runtime.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.mobility.mothers.MobilityMother.AT;

/** The lifecycle of a mobility and the events each step causes, without starting anything. */
class MobilityRulesTest {

    private static final UUID CARDIOLOGY = UUID.fromString("e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56");
    private static final UUID ANATOMY = UUID.fromString("0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13");

    @Test
    void aNominationBecomesANominatedMobilityAskingForItsSessionsOnce() {
        var condition = ConditionMother.clinicalInternship().sending("univ-lyon1.fr").receiving("sjtu.edu.cn").build();
        UUID person = UUID.randomUUID();
        var nominated = Mobility.nominate(NominationMother.of(condition).sessions(CARDIOLOGY, ANATOMY, CARDIOLOGY).build(),
                condition, person, AT);

        var mobility = nominated.mobility();
        assertEquals(MobilityStatus.NOMINATED, mobility.status);
        assertEquals(List.of(CARDIOLOGY, ANATOMY), mobility.sessions.stream().map(s -> s.sessionId).toList());
        var event = assertInstanceOf(MobilityNominated.class, nominated.events().get(0));
        assertEquals(List.of(CARDIOLOGY, ANATOMY), event.requestedSessions());
        assertEquals(person, event.personId());
        assertEquals("univ-lyon1.fr", event.sendingInstitution());
        assertTrue(mobility.holdsPlace());
    }

    @Test
    void theReceivingSideAcceptsThenTheStayStartsAndEndsEachWithItsEvent() {
        var mobility = MobilityMother.nominated().build();

        assertInstanceOf(MobilityAccepted.class, mobility.accept(AT).get(0));
        var started = assertInstanceOf(MobilityStarted.class, mobility.arrive(LocalDate.parse("2027-07-06"), AT).get(0));
        assertEquals(LocalDate.parse("2027-07-06"), started.arrivedOn());
        var completed = assertInstanceOf(MobilityCompleted.class, mobility.depart(LocalDate.parse("2027-07-29"), AT).get(0));
        assertEquals(LocalDate.parse("2027-07-29"), completed.departedOn());
        assertEquals(MobilityStatus.COMPLETED, mobility.status);
        assertTrue(mobility.holdsPlace(), "a completed mobility still counts against its quota");
    }

    @Test
    void aStepOutOfOrderIsRefusedNamingTheStatusAndChangesNothing() {
        var mobility = MobilityMother.accepted().build();

        var refused = assertThrows(ProblemException.class, () -> mobility.reject("too late", AT));
        assertEquals(MobilityProblems.WRONG_STATUS, refused.type());
        assertEquals(List.of(MobilityStatus.ACCEPTED, "reject"), List.of(refused.arguments()));
        assertThrows(ProblemException.class, () -> mobility.depart(LocalDate.parse("2027-07-29"), AT));
        assertEquals(MobilityStatus.ACCEPTED, mobility.status);
        assertEquals(MobilityProblems.WRONG_STATUS,
                assertThrows(ProblemException.class, () -> MobilityMother.inProgress().build().cancel("after arrival", AT)).type(),
                "cancelled only before arrival");
    }

    @Test
    void aDepartureBeforeTheArrivalIsRefused() {
        var mobility = MobilityMother.inProgress().build();

        var refused = assertThrows(ProblemException.class, () -> mobility.depart(mobility.arrivedOn.minusDays(1), AT));
        assertEquals(MobilityProblems.DEPARTURE_BEFORE_ARRIVAL, refused.type());
        assertEquals(MobilityStatus.IN_PROGRESS, mobility.status);
    }

    @Test
    void rejectionAndCancellationFreeThePlaceAndCarryTheirReason() {
        var rejected = MobilityMother.nominated().build();
        var event = assertInstanceOf(MobilityRejected.class, rejected.reject("Prérequis non remplis : 4e année exigée", AT).get(0));
        assertEquals("Prérequis non remplis : 4e année exigée", event.reason());
        assertFalse(rejected.holdsPlace());

        var cancelled = MobilityMother.accepted().build();
        assertEquals("Étudiante retirée", assertInstanceOf(MobilityCancelled.class, cancelled.cancel("Étudiante retirée", AT).get(0)).reason());
        assertFalse(cancelled.holdsPlace());
    }

    @Test
    void aRefusedSeatTakesANominationToSeatRefusedWithItsReasonsAndFreesThePlace() {
        var mobility = MobilityMother.nominated().sessions(CARDIOLOGY, ANATOMY).build();

        var events = mobility.seatsRefused(List.of(new Mobility.SeatRefusal(CARDIOLOGY, "SESSION_FULL")), AT);

        assertEquals(MobilityStatus.SEAT_REFUSED, mobility.status);
        assertEquals("SESSION_FULL", mobility.statusReason);
        assertFalse(mobility.holdsPlace());
        var refused = assertInstanceOf(MobilitySeatRefused.class, events.get(0));
        assertEquals(List.of(new Mobility.SeatRefusal(CARDIOLOGY, "SESSION_FULL")), refused.refusals());
        assertEquals(mobility.conditionId, refused.conditionId());
        assertEquals(Mobility.RequestedSession.Seat.REFUSED, mobility.sessions.get(0).seat);
        assertEquals("SESSION_FULL", mobility.sessions.get(0).reason);
        assertEquals(Mobility.RequestedSession.Seat.REQUESTED, mobility.sessions.get(1).seat);
        assertEquals(MobilityProblems.WRONG_STATUS, assertThrows(ProblemException.class, () -> mobility.accept(AT)).type(),
                "the receiving side cannot accept a nomination whose seat was refused");
    }

    @Test
    void aSecondRefusalOrOneAfterTheNominationLeftNominatedCausesNoEventAndNoNewStatus() {
        var refusedTwice = MobilityMother.nominated().sessions(CARDIOLOGY, ANATOMY).build();
        refusedTwice.seatsRefused(List.of(new Mobility.SeatRefusal(CARDIOLOGY, "SESSION_FULL")), AT);
        assertEquals(List.of(), refusedTwice.seatsRefused(List.of(new Mobility.SeatRefusal(ANATOMY, "SESSION_NOT_OPEN")), AT));
        assertEquals("SESSION_FULL", refusedTwice.statusReason);

        for (var mobility : List.of(MobilityMother.cancelled().sessions(CARDIOLOGY).build(),
                MobilityMother.rejected().sessions(CARDIOLOGY).build(), MobilityMother.accepted().sessions(CARDIOLOGY).build())) {
            var before = mobility.status;
            assertEquals(List.of(), mobility.seatsRefused(List.of(new Mobility.SeatRefusal(CARDIOLOGY, "SESSION_FULL")), AT));
            assertEquals(before, mobility.status);
        }
    }

    @Test
    void aTerminatedAgreementCancelsANominationStillWaitingButNotAnAcceptedMobility() {
        var waiting = MobilityMother.nominated().build();
        var event = assertInstanceOf(MobilityCancelled.class, waiting.agreementTerminated("Remplacé par l'accord de 2027", AT).get(0));
        assertEquals(MobilityStatus.CANCELLED, waiting.status);
        assertEquals("AGREEMENT_TERMINATED: Remplacé par l'accord de 2027", event.reason());
        assertFalse(waiting.holdsPlace());

        var accepted = MobilityMother.accepted().build();
        assertEquals(List.of(), accepted.agreementTerminated("Remplacé", AT));
        assertEquals(MobilityStatus.ACCEPTED, accepted.status);
        var cancelled = MobilityMother.cancelled().build();
        assertEquals(List.of(), cancelled.agreementTerminated("Remplacé", AT), "terminated twice: nothing more");
    }

    @Test
    void heldAndReleasedSeatsShowOnTheSessionsOnly() {
        var mobility = MobilityMother.nominated().sessions(CARDIOLOGY).build();
        mobility.seatsHeld(List.of(CARDIOLOGY, ANATOMY));
        assertEquals(Mobility.RequestedSession.Seat.HELD, mobility.sessions.get(0).seat);
        assertEquals(1, mobility.sessions.size(), "a session the mobility did not ask for is not added");
        mobility.seatsReleased(List.of(CARDIOLOGY), "SESSION_CLOSED");
        assertEquals(Mobility.RequestedSession.Seat.RELEASED, mobility.sessions.get(0).seat);
        assertEquals(MobilityStatus.NOMINATED, mobility.status);
    }
}
