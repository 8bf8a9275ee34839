package org.passerelle.mobility.seats;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.QuotaLedger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seat saga's compensation through the real broker: curriculum-service's SeatsRefused takes a nomination to
 * SEAT_REFUSED and frees its place; a second refusal, or one after a cancellation, changes nothing; a terminated
 * agreement cancels its nominations still waiting for an answer.
 */
@QuarkusTest
class SeatSagaTest {

    static final String SEATS = "curriculum.seats.events";
    static final String REFUSED = "passerelle.curriculum.SeatsRefused.v1";
    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String SJTUSM = TestTokens.of("coordinator", "sjtu.edu.cn");
    static final String CARDIOLOGY = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56";

    @Inject
    EntityManager entityManager;

    @Inject
    QuotaLedger quota;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRefusedSeatFreesThePlaceOnceAndTheSendingSideNominatesAgain() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 1, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String id = nominate(agreement, summer.id()).statusCode(201).extract().path("id");
        nominate(agreement, summer.id()).statusCode(409).body("type", equalTo("urn:passerelle:problem:quota-exhausted"));

        refuse(id, "SESSION_FULL");
        awaitStatus(id, "SEAT_REFUSED");
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", id).then().statusCode(200)
                .body("statusReason", equalTo("SESSION_FULL"))
                .body("sessions[0].seat", equalTo("REFUSED")).body("sessions[0].reason", equalTo("SESSION_FULL"));
        assertEquals(0, quota.used(summer.id(), "2026/2027"), "the refused nomination's place is free again");
        List<String> events = events(id);
        assertEquals(List.of("passerelle.mobility.MobilityNominated.v1", "passerelle.mobility.MobilitySeatRefused.v1"),
                events.stream().map(e -> e.split("\n", 2)[0]).toList());
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.MobilitySeatRefused.v1", events.get(1).split("\n", 2)[1]));

        refuse(id, "SESSION_NOT_OPEN");   // a second refusal (another event): handled, without effect
        String next = nominate(agreement, summer.id()).statusCode(201).extract().path("id");
        refuse(next, "SESSION_FULL");
        awaitStatus(next, "SEAT_REFUSED");
        awaitSessionReason(id, "SESSION_NOT_OPEN");
        given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}", id).then()
                .body("status", equalTo("SEAT_REFUSED")).body("statusReason", equalTo("SESSION_FULL"));
        assertEquals(2, events(id).size(), "no second MobilitySeatRefused");
        assertEquals(0, quota.used(summer.id(), "2026/2027"), "the place was given back once per mobility, never below zero");
    }

    @Test
    void aRefusalAfterACancellationChangesNothing() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 5, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String cancelled = nominate(agreement, summer.id()).statusCode(201).extract().path("id");
        String other = nominate(agreement, summer.id()).statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1).header("If-Match", "\"0\"").contentType("application/json")
                .body("{\"reason\":\"Désistement de l'étudiante\"}")
                .when().post("/api/mobilities/{id}/cancellation", cancelled).then().statusCode(200);
        assertEquals(1, quota.used(summer.id(), "2026/2027"));

        refuse(cancelled, "SESSION_FULL");
        awaitSessionReason(cancelled, "SESSION_FULL");
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", cancelled).then()
                .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Désistement de l'étudiante"));
        assertEquals(1, quota.used(summer.id(), "2026/2027"), "the other nomination still holds its place");
        assertEquals(List.of("passerelle.mobility.MobilityNominated.v1", "passerelle.mobility.MobilityCancelled.v1"),
                events(cancelled).stream().map(e -> e.split("\n", 2)[0]).toList());
        awaitStatus(other, "NOMINATED");
    }

    @Test
    void aTerminatedAgreementCancelsItsPendingNominationsAndKeepsTheAcceptedOnes() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 5, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String pending = nominate(agreement, summer.id()).statusCode(201).extract().path("id");
        String accepted = nominate(agreement, summer.id()).statusCode(201).extract().path("id");
        given().auth().oauth2(SJTUSM).header("If-Match", "\"0\"").when().post("/api/mobilities/{id}/acceptance", accepted)
                .then().statusCode(200);

        AgreementsInForce.send(entityManager, agreement, "AgreementTerminated", """
                {"agreementId":"%s","reason":"Remplacé par l'accord signé au forum franco-chinois","terminatedAt":"2027-07-01T08:00:00Z"}"""
                .formatted(agreement), a -> a != null && a.status == org.passerelle.mobility.agreements.Agreement.Status.TERMINATED);

        awaitStatus(pending, "CANCELLED");
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", pending).then()
                .body("statusReason", equalTo("AGREEMENT_TERMINATED: Remplacé par l'accord signé au forum franco-chinois"));
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", accepted).then().body("status", equalTo("ACCEPTED"));
        assertEquals(1, quota.used(summer.id(), "2026/2027"), "only the accepted mobility holds a place");
        String cancellation = events(pending).get(1);
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.MobilityCancelled.v1", cancellation.split("\n", 2)[1]));
    }

    private static io.restassured.response.ValidatableResponse nominate(UUID agreement, UUID condition) {
        return given().auth().oauth2(LYON1).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                         "plannedDeparture":"2027-07-30","person":{"givenName":"Zoë","familyName":"Lefèvre-Martin",
                         "email":"zoe.%s@etu.univ-lyon1.fr","ine":"987654321CD"},"requestedSessions":["%s"]}"""
                        .formatted(agreement, condition, UUID.randomUUID().toString().substring(0, 8), CARDIOLOGY))
                .when().post("/api/mobilities").then();
    }

    private static void refuse(String mobilityId, String reason) throws Exception {
        TestEvents.send(SEATS, REFUSED, mobilityId, """
                {"mobilityId":"%s","refusals":[{"sessionId":"%s","reason":"%s"}],"refusedAt":"2027-03-01T10:15:02Z"}"""
                .formatted(mobilityId, CARDIOLOGY, reason));
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}", id).then().extract().path("status")));
    }

    private static void awaitSessionReason(String id, String reason) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                reason.equals(given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}", id).then().extract().path("sessions[0].reason")));
    }

    /** The mobility's events in the outbox, oldest first, each as its type, a new line, and its payload. */
    private List<String> events(String mobilityId) throws SQLException {
        var found = new ArrayList<String>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select type, payload::text from outbox_event where aggregate_id = ? order by position")) {
            query.setString(1, mobilityId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + "\n" + rows.getString(2));
                }
            }
        }
        return found;
    }
}
