package org.passerelle.mobility.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.QuotaLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nominations and the checks each one passes, over HTTP against agreements put in force by events. */
@QuarkusTest
class NominationTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String LYON1_SCRIPT = TestTokens.of("integration", "univ-lyon1.fr");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String SJTUSM = TestTokens.of("coordinator", "sjtu.edu.cn");

    @Inject
    EntityManager entityManager;

    @Inject
    QuotaLedger quota;

    @Inject
    AgroalDataSource dataSource;

    static String nomination(UUID agreement, UUID condition, String year, String arrival, String departure, String ine) {
        return """
                {"agreementId":"%s","conditionId":"%s","academicYear":"%s","plannedArrival":"%s","plannedDeparture":"%s",
                 "person":{"givenName":"Éloïse","familyName":"D'Aubigné","email":"eloise.%s@etu.univ-lyon1.fr","ine":%s},
                 "requestedSessions":["e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56"]}"""
                .formatted(agreement, condition, year, arrival, departure, UUID.randomUUID().toString().substring(0, 6),
                        ine == null ? "null" : "\"" + ine + "\"");
    }

    @Test
    void aNominationTakesAPlaceAndIsPublishedAsItsSchemaSays() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 30, 14, 60);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);

        String id = given().auth().oauth2(LYON1_SCRIPT).contentType("application/json")
                .body(nomination(agreement, summer.id(), "2026/2027", "2027-07-05", "2027-07-30", "123456789ab"))
                .when().post("/api/mobilities")
                .then().statusCode(201)
                .body("status", equalTo("NOMINATED"))
                .body("person.familyName", equalTo("D'Aubigné"))
                .body("person.ine", equalTo("123456789AB"))
                .body("receivingInstitution", equalTo("sjtu.edu.cn"))
                .body("sessions[0].seat", equalTo("REQUESTED"))
                .body("createdAt", org.hamcrest.Matchers.notNullValue())
                .body("changedAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
        assertEquals(1, quota.used(summer.id(), "2026/2027"));

        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select type, payload::text from outbox_event where aggregate_id = ?")) {
            query.setString(1, id);
            try (var rows = query.executeQuery()) {
                rows.next();
                assertEquals("passerelle.mobility.MobilityNominated.v1", rows.getString(1));
                assertEquals(List.of(), EventContracts.violations(rows.getString(1), rows.getString(2)));
            }
        }
        given().auth().oauth2(PARIS).when().get("/api/mobilities/{id}", id).then().statusCode(404);
        given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}", id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void eachRefusalHasItsTypeAndReason() throws Exception {
        var clinical = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID", 1, 30, 90);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", clinical);

        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(UUID.randomUUID(), clinical.id(), "2026/2027", "2026-10-01", "2026-11-15", "123456789AB"))
                .when().post("/api/mobilities")
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:agreement-not-active"));
        given().auth().oauth2(PARIS).contentType("application/json")
                .body(nomination(agreement, clinical.id(), "2026/2027", "2026-10-01", "2026-11-15", "123456789AB"))
                .when().post("/api/mobilities")
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:condition-mismatch"))
                .body("detail", containsString("sendingInstitution"));
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, clinical.id(), "2031/2032", "2031-10-01", "2031-11-15", "123456789AB"))
                .when().post("/api/mobilities")
                .then().statusCode(422).body("detail", containsString("academicYear"));
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, clinical.id(), "2026/2027", "2026-10-01", "2026-10-15", "123456789AB"))
                .when().post("/api/mobilities")
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:duration-outside-condition"))
                .body("detail", equalTo("The planned stay lasts 14 days; the cooperation condition allows 30 to 90 days."));
        given().auth().oauth2(LYON1).header("Accept-Language", "fr").contentType("application/json")
                .body(nomination(agreement, clinical.id(), "2026/2027", "2026-10-01", "2026-11-15", "12345678ABC"))
                .when().post("/api/mobilities")
                .then().statusCode(400).body("errors.field", equalTo(List.of("person.ine")))
                .body("errors[0].reason", containsString("9 chiffres et 2 lettres"));

        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, clinical.id(), "2026/2027", "2026-10-01", "2026-11-15", "1234567890A"))
                .when().post("/api/mobilities").then().statusCode(201);
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, clinical.id(), "2026/2027", "2026-10-01", "2026-11-15", "1234567890A"))
                .when().post("/api/mobilities")
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:quota-exhausted"))
                .body("detail", equalTo("All 1 places of this cooperation condition for 2026/2027 are taken."));
        assertEquals(1, quota.used(clinical.id(), "2026/2027"), "refusals take no place");
    }

    @Test
    void concurrentNominationsNeverOverbook() throws Exception {
        var research = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "RESEARCH_LONG", 5, 180, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", research);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> given().auth().oauth2(LYON1).contentType("application/json")
                    .body(nomination(agreement, research.id(), "2026/2027", "2026-09-15", "2027-06-30", "123456789AB"))
                    .when().post("/api/mobilities").then().extract().statusCode());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            var statuses = pool.invokeAll(attempts).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(5, quota.used(research.id(), "2026/2027"));
    }

    @Test
    void suspendedAgreementsRefuseAndAnAmendmentWithMorePlacesMakesRoomAtOnce() throws Exception {
        var basic = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "BASIC_COURSES", 1, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", basic);
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, basic.id(), "2026/2027", "2026-09-15", "2027-01-30", "123456789AB"))
                .when().post("/api/mobilities").then().statusCode(201);
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, basic.id(), "2026/2027", "2026-09-15", "2027-01-30", "123456789AB"))
                .when().post("/api/mobilities").then().statusCode(409).body("type", equalTo("urn:passerelle:problem:quota-exhausted"));

        AgreementsInForce.send(entityManager, agreement, "AgreementAmended", """
                {"agreementId":"%s","versionNumber":2,"contentHash":"%s","firstAcademicYear":"2025/2026",
                 "lastAcademicYear":"2029/2030","amendedAt":"2026-11-22T03:00:00Z","conditions":[%s]}"""
                .formatted(agreement, "b".repeat(64), new AgreementsInForce.Condition(basic.id(), basic.sending(), basic.receiving(),
                        basic.type(), 3, null, null).json()), a -> a.contentHash.equals("b".repeat(64)));
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, basic.id(), "2026/2027", "2026-09-15", "2027-01-30", "123456789AB"))
                .when().post("/api/mobilities").then().statusCode(201);

        AgreementsInForce.send(entityManager, agreement, "AgreementSuspended", """
                {"agreementId":"%s","reason":"Renégociation","suspendedAt":"2026-11-23T08:00:00Z"}""".formatted(agreement),
                a -> a.status == org.passerelle.mobility.agreements.Agreement.Status.SUSPENDED);
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, basic.id(), "2026/2027", "2026-09-15", "2027-01-30", "123456789AB"))
                .when().post("/api/mobilities").then().statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:agreement-not-active"))
                .body("detail", containsString("SUSPENDED"));
    }

    @Test
    void aRetriedNominationWithItsKeyCreatesOnce() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 30, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String body = nomination(agreement, summer.id(), "2026/2027", "2027-07-05", "2027-07-30", "123456789AB");
        String first = given().auth().oauth2(LYON1).header("Idempotency-Key", "lyon1-retry-" + agreement).contentType("application/json")
                .body(body).when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1).header("Idempotency-Key", "lyon1-retry-" + agreement).contentType("application/json")
                .body(body).when().post("/api/mobilities").then().statusCode(201).body("id", equalTo(first))
                .header("Idempotency-Replayed", "true");
        assertEquals(1, quota.used(summer.id(), "2026/2027"));
        given().auth().oauth2(LYON1).when().get("/api/mobilities").then().statusCode(200).body("items.id", hasItem(first));
    }
}
