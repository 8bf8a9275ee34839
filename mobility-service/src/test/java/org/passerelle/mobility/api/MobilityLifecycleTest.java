package org.passerelle.mobility.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.QuotaLedger;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.mobility.api.NominationTest.LYON1;
import static org.passerelle.mobility.api.NominationTest.SJTUSM;
import static org.passerelle.mobility.api.NominationTest.nomination;

/** Accepted, rejected, started, completed, cancelled; bulk CSV; seat answers; the change feed; statistics. */
@QuarkusTest
class MobilityLifecycleTest {

    @Inject
    EntityManager entityManager;

    @Inject
    QuotaLedger quota;

    @Test
    void theReceivingSideAcceptsConfirmsArrivalAndDepartureAndACancellationFreesThePlace() throws Exception {
        var clinical = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_LONG", 2, 90, 365);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", clinical);
        String first = nominate(agreement, clinical.id());
        String second = nominate(agreement, clinical.id());

        given().auth().oauth2(LYON1).header("If-Match", etag(first)).when().post("/api/mobilities/{id}/acceptance", first)
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:not-receiving-side"));
        given().auth().oauth2(SJTUSM).when().post("/api/mobilities/{id}/acceptance", first)
                .then().statusCode(428);
        given().auth().oauth2(SJTUSM).header("If-Match", etag(first)).when().post("/api/mobilities/{id}/acceptance", first)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(SJTUSM).header("If-Match", etag(first)).contentType("application/json").body("{\"on\":\"2026-10-02\"}")
                .when().post("/api/mobilities/{id}/arrival", first).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(SJTUSM).header("If-Match", etag(first)).contentType("application/json").body("{\"reason\":\"trop tard\"}")
                .when().post("/api/mobilities/{id}/cancellation", first)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:mobility-status"));
        given().auth().oauth2(SJTUSM).header("If-Match", etag(first)).contentType("application/json").body("{\"on\":\"2027-02-20\"}")
                .when().post("/api/mobilities/{id}/departure", first).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("departedOn", equalTo("2027-02-20"));

        given().auth().oauth2(SJTUSM).header("If-Match", etag(second)).contentType("application/json").body("{}")
                .when().post("/api/mobilities/{id}/rejection", second)
                .then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        assertEquals(2, quota.used(clinical.id(), "2026/2027"));
        given().auth().oauth2(LYON1).header("If-Match", etag(second)).contentType("application/json")
                .body("{\"reason\":\"Désistement de l'étudiante\"}")
                .when().post("/api/mobilities/{id}/cancellation", second).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Désistement de l'étudiante"));
        assertEquals(1, quota.used(clinical.id(), "2026/2027"), "the cancelled mobility's place is free again");
        nominate(agreement, clinical.id());
    }

    @Test
    void aCsvCohortKeepsItsNamesAndEachRowHasItsResult() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 2, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String csv = "agreementId,conditionId,academicYear,plannedArrival,plannedDeparture,givenName,familyName,chineseName,email,ine\n"
                + row(agreement, summer.id(), "Éloïse", "D'Aubigné", "", "eloise.daubigne@etu.univ-lyon1.fr", "123456789AB")
                + row(agreement, summer.id(), "François", "Çelik", "", "francois.celik@etu.univ-lyon1.fr", "12345")
                + row(agreement, summer.id(), "Fāng", "Wáng", "王芳", "fang.wang@etu.univ-lyon1.fr", "1234567890Z")
                + row(agreement, summer.id(), "Zoë", "Lefèvre-Martin", "", "zoe.lefevre@etu.univ-lyon1.fr", "987654321CD");
        String key = "lyon1-cohort-" + agreement;
        var result = given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/mobilities/bulk")
                .then().statusCode(201)
                .body("created", equalTo(2)).body("refused", equalTo(2))
                .body("rows.outcome", equalTo(List.of("CREATED", "REFUSED", "CREATED", "REFUSED")))
                .body("rows[1].problem.errors[0].field", equalTo("person.ine"))
                .body("rows[3].problem.type", equalTo("urn:passerelle:problem:quota-exhausted"))
                .extract();
        String batch = result.path("batchId");
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/mobilities/bulk").then().statusCode(201).body("batchId", equalTo(batch));
        given().auth().oauth2(LYON1).queryParam("batch", batch).when().get("/api/mobilities")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.person.familyName", org.hamcrest.Matchers.containsInAnyOrder("D'Aubigné", "Wáng"))
                .body("items.person.chineseName", org.hamcrest.Matchers.hasItem("王芳"));
        given().auth().oauth2(LYON1).contentType("text/csv").body("nom;prénom\nx;y\n")
                .when().post("/api/mobilities/bulk").then().statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-csv"));
    }

    @Test
    void curriculumServicesAnswerShowsOnTheMobilityAndAStudentSeesOnlyTheirOwn() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 30, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        var created = given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, summer.id(), "2026/2027", "2027-07-05", "2027-07-30", "123456789AB"))
                .when().post("/api/mobilities").then().statusCode(201).extract();
        String id = created.path("id");
        String email = created.path("person.email");
        TestEvents.send("curriculum.seats.events", "passerelle.curriculum.SeatsRefused.v1", id, """
                {"mobilityId":"%s","refusals":[{"sessionId":"e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56","reason":"SESSION_FULL"}],
                 "refusedAt":"2027-03-01T10:15:02Z"}""".formatted(id));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"REFUSED".equals(given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", id).then().extract().path("sessions[0].seat"))) {
            assertTrue(System.nanoTime() < deadline, "the seat answer never showed");
            Thread.sleep(100);
        }
        given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", id).then().body("sessions[0].reason", equalTo("SESSION_FULL"));

        given().auth().oauth2(AgreementsInForce.studentToken("univ-lyon1.fr", email)).when().get("/api/mobilities/{id}", id)
                .then().statusCode(200);
        given().auth().oauth2(AgreementsInForce.studentToken("univ-lyon1.fr", email)).when().get("/api/mobilities")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(AgreementsInForce.studentToken("univ-lyon1.fr", "zoe@etu.univ-lyon1.fr")).when().get("/api/mobilities/{id}", id)
                .then().statusCode(404);
    }

    @Test
    void theChangeFeedNeverSkipsNorRepeatsAChange() throws Exception {
        var summer = AgreementsInForce.condition("u-paris.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 30, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "u-paris.fr", summer);
        String paris = TestTokens.of("integration", "u-paris.fr");
        given().auth().oauth2(paris).queryParam("changedSince", "2026-11-01").when().get("/api/mobilities/changes")
                .then().statusCode(400).body("errors.field", equalTo(List.of("changedSince")));
        String cursor = given().auth().oauth2(paris).queryParam("changedSince", java.time.Instant.now().toString())
                .when().get("/api/mobilities/changes").then().statusCode(200).extract().path("nextCursor");
        var expected = new HashSet<String>();
        for (int i = 0; i < 7; i++) {
            expected.add(given().auth().oauth2(paris).contentType("application/json")
                    .body(nomination(agreement, summer.id(), "2026/2027", "2027-07-05", "2027-07-30", "123456789AB"))
                    .when().post("/api/mobilities").then().statusCode(201).extract().path("id"));
        }
        // Other tests may change Paris's mobilities meanwhile: what matters is that each of ours comes exactly once.
        var seen = new java.util.ArrayList<String>();
        for (int page = 0; page < 20 && !seen.containsAll(expected); page++) {
            var answer = given().auth().oauth2(paris).queryParam("cursor", cursor).queryParam("limit", 3)
                    .when().get("/api/mobilities/changes").then().statusCode(200).extract();
            seen.addAll(answer.path("items.id"));
            cursor = answer.path("nextCursor");
        }
        assertTrue(seen.containsAll(expected), "every change comes: " + seen);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no change twice: " + seen);
        given().auth().oauth2(paris).queryParam("cursor", cursor).when().get("/api/mobilities/changes")
                .then().statusCode(200).body("items", equalTo(List.of())).body("nextCursor", equalTo(cursor));
        given().auth().oauth2(paris).queryParam("cursor", "not-a-cursor").when().get("/api/mobilities/changes")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-cursor"));
    }

    @Test
    void statisticsCountByYearDirectionPartnerTypeAndStatus() throws Exception {
        var outbound = AgreementsInForce.condition("sjtu.edu.cn", "u-paris.fr", "RESEARCH_LONG", 10, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "u-paris.fr", outbound);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(SJTUSM).contentType("application/json")
                    .body(nomination(agreement, outbound.id(), "2028/2029", "2028-09-15", "2029-06-30", null)
                            .replace("\"ine\":null", "\"studentNumber\":\"52101091012" + i + "\""))
                    .when().post("/api/mobilities").then().statusCode(201);
        }
        given().auth().oauth2(SJTUSM).contentType("application/json")
                .body(nomination(agreement, outbound.id(), "2028/2029", "2028-09-15", "2029-06-30", null))
                .when().post("/api/mobilities").then().statusCode(400).body("errors.field", equalTo(List.of("person.studentNumber")));
        given().auth().oauth2(TestTokens.of("coordinator", "u-paris.fr")).queryParam("academicYear", "2028/2029")
                .when().get("/api/statistics/mobilities")
                .then().statusCode(200)
                .body("counts.size()", equalTo(1))
                .body("counts[0].direction", equalTo("OUTBOUND"))
                .body("counts[0].partnerInstitution", equalTo("u-paris.fr"))
                .body("counts[0].status", equalTo("NOMINATED"))
                .body("counts[0].mobilities", equalTo(2));
        given().auth().oauth2(LYON1).queryParam("academicYear", "2028/2029").when().get("/api/statistics/mobilities")
                .then().statusCode(200).body("counts", equalTo(List.of()));
    }

    private static String row(UUID agreement, UUID condition, String given, String family, String chinese, String email, String ine) {
        return String.join(",", agreement.toString(), condition.toString(), "2026/2027", "2027-07-05", "2027-07-30",
                given, "\"" + family + "\"", chinese, email, ine) + "\n";
    }

    private static String nominate(UUID agreement, UUID condition) {
        return given().auth().oauth2(LYON1).contentType("application/json")
                .body(nomination(agreement, condition, "2026/2027", "2026-09-20", "2027-02-28", "123456789AB"))
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
    }

    private static String etag(String id) {
        return given().auth().oauth2(SJTUSM).when().get("/api/mobilities/{id}", id).then().statusCode(200).extract().header("ETag");
    }
}
