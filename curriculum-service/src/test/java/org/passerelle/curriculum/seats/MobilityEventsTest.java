package org.passerelle.curriculum.seats;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.Outboxes;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.summerProgramme;

/**
 * Mobility events sent through the real broker, built from the schemas' examples: a nomination holds the
 * sessions it requests, a cancellation or rejection frees them, and each answer is an event of the catalogue.
 */
@QuarkusTest
class MobilityEventsTest {

    static final String TOPIC = "mobility.mobility.events";
    static final String NOMINATED = "passerelle.mobility.MobilityNominated.v1";
    static final String EXAMPLE_MOBILITY = "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64";
    static final String EXAMPLE_SESSION = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56";

    @Inject
    AgroalDataSource dataSource;

    static String nomination(String mobility, String... sessions) {
        String requested = String.join(",", java.util.Arrays.stream(sessions).map(s -> "\"" + s + "\"").toList());
        return EventContracts.example(NOMINATED).replace(EXAMPLE_MOBILITY, mobility)
                .replace("\"" + EXAMPLE_SESSION + "\"", requested);
    }

    static String ended(String type, String mobility) {
        return EventContracts.example(type).replace(EXAMPLE_MOBILITY, mobility);
    }

    @Test
    void aNominationHoldsItsSeatsAndACancellationReleasesThem() throws Exception {
        String session = openSession(publish(summerProgramme("Summer school " + UUID.randomUUID())), "2026/2027", "2027-07-05", "2027-07-30", 30);
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(TOPIC, NOMINATED, mobility, nomination(mobility, session));
        awaitHeld(session, 1);

        String cancelled = "passerelle.mobility.MobilityCancelled.v1";
        TestEvents.send(TOPIC, cancelled, mobility, ended(cancelled, mobility));
        awaitHeld(session, 0);

        var events = Outboxes.of(dataSource, mobility);
        assertEquals(List.of("passerelle.curriculum.SeatsHeld.v1", "passerelle.curriculum.SeatsReleased.v1"),
                events.stream().map(Outboxes.Event::type).toList());
        for (var event : events) {
            assertEquals(List.of(), EventContracts.violations(event.type(), event.data()), event.data());
        }
        assertTrue(events.get(1).data().contains("MOBILITY_CANCELLED"));
    }

    @Test
    void aNominationIsAnsweredPerSessionAndARejectionReleasesWhatWasHeld() throws Exception {
        String item = publish(summerProgramme("Summer school " + UUID.randomUUID()));
        String open = openSession(item, "2026/2027", "2027-07-05", "2027-07-30", 30);
        String full = openSession(item, "2026/2027", "2027-08-02", "2027-08-27", 0);
        String unknown = UUID.randomUUID().toString();
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(TOPIC, NOMINATED, mobility, nomination(mobility, open, full, unknown));
        awaitHeld(open, 1);

        var answers = Outboxes.of(dataSource, mobility);
        assertEquals(List.of("passerelle.curriculum.SeatsHeld.v1", "passerelle.curriculum.SeatsRefused.v1"),
                answers.stream().map(Outboxes.Event::type).toList());
        var refusals = io.restassured.path.json.JsonPath.from(answers.get(1).data());
        assertEquals("SESSION_FULL", refusals.getString("refusals.find { it.sessionId == '" + full + "' }.reason"));
        assertEquals("UNKNOWN_SESSION", refusals.getString("refusals.find { it.sessionId == '" + unknown + "' }.reason"));
        assertEquals(List.of(), EventContracts.violations(answers.get(1).type(), answers.get(1).data()));

        String rejected = "passerelle.mobility.MobilityRejected.v1";
        TestEvents.send(TOPIC, rejected, mobility, ended(rejected, mobility));
        awaitHeld(open, 0);
        assertTrue(Outboxes.of(dataSource, mobility).get(2).data().contains("MOBILITY_REJECTED"));
    }

    @Test
    void aNominationDeliveredTwiceHoldsOneSeat() throws Exception {
        String session = openSession(publish(summerProgramme("Summer school " + UUID.randomUUID())), "2026/2027", "2027-07-05", "2027-07-30", 30);
        String mobility = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        TestEvents.send(TOPIC, eventId, NOMINATED, mobility, nomination(mobility, session));
        TestEvents.send(TOPIC, eventId, NOMINATED, mobility, nomination(mobility, session));
        // a later nomination of another mobility shows both earlier records were handled
        String other = UUID.randomUUID().toString();
        TestEvents.send(TOPIC, NOMINATED, mobility, nomination(other, session));
        awaitHeld(session, 2);
        assertEquals(1, Outboxes.of(dataSource, mobility).size());
    }

    @Test
    void aClosedSessionRefusesWithTheReason() throws Exception {
        String session = openSession(publish(summerProgramme("Summer school " + UUID.randomUUID())), "2026/2027", "2027-07-05", "2027-07-30", 30);
        given().auth().oauth2(ADMIN).header("If-Match", "\"1\"").when().post("/api/catalogue/sessions/{id}/closing", session)
                .then().statusCode(200);
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(TOPIC, NOMINATED, mobility, nomination(mobility, session));
        var refusal = awaitEvents(mobility, 1).get(0);
        assertEquals("passerelle.curriculum.SeatsRefused.v1", refusal.type());
        assertTrue(refusal.data().contains("SESSION_NOT_OPEN"), refusal.data());
    }

    static void awaitHeld(String session, int held) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            int now = given().auth().oauth2(ADMIN).when().get("/api/catalogue/sessions/{id}", session)
                    .then().statusCode(200).extract().path("held");
            if (now == held) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "session " + session + " has " + now + " held, never " + held);
            Thread.sleep(100);
        }
    }

    private List<Outboxes.Event> awaitEvents(String mobility, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var events = Outboxes.of(dataSource, mobility);
            if (events.size() >= count) {
                return events;
            }
            assertTrue(System.nanoTime() < deadline, "no answer to the nomination of " + mobility);
            Thread.sleep(100);
        }
    }
}
