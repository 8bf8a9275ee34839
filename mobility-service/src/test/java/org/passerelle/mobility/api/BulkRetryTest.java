package org.passerelle.mobility.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.mobility.AgreementsInForce;
import org.passerelle.mobility.DatabaseBreakpoint;
import org.passerelle.mobility.QuotaLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.mobility.api.NominationTest.LYON1;

/**
 * A script that times out and sends its cohort again while the first request is still running: each row of a bulk
 * nomination commits on its own, so the key must be taken before the first row is created.
 */
@QuarkusTest
class BulkRetryTest {

    private static final int COHORT = 60;

    @Inject
    EntityManager entityManager;

    @Inject
    QuotaLedger quota;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aCohortSentTwiceAtOnceWithOneKeyIsNominatedOnce() throws Exception {
        // room for the cohort twice, so that a second creation would show instead of being stopped by the quota
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", 2 * COHORT, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String csv = cohort(agreement, summer.id());
        String key = "lyon1-cohort-twice-" + agreement;

        Callable<Response> send = () -> given().auth().oauth2(LYON1).header("Idempotency-Key", key)
                .contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/mobilities/bulk");
        var pool = Executors.newFixedThreadPool(2);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> sent = List.of(pool.submit(send), pool.submit(send));
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        String batch = null;
        for (Response answer : answers) {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 409,
                    "each answer is the creation, its replay or 'in use': " + answer.statusCode() + " " + answer.asString());
            if (answer.statusCode() == 409) {
                assertEquals("urn:passerelle:problem:idempotency-key-in-use", answer.path("type"));
            } else if (batch == null) {
                batch = answer.path("batchId");
            } else {
                assertEquals(batch, answer.path("batchId"), "a replay names the same batch");
            }
        }
        // the script retries once more, after both answered: it gets the first answer again
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/mobilities/bulk").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("created", equalTo(COHORT));
        assertEquals(COHORT, quota.used(summer.id(), "2026/2027"), "each student took one place");
        assertEquals(COHORT, ((Number) entityManager.createNativeQuery(
                "select count(*) from mobility where condition_id = ?1").setParameter(1, summer.id()).getSingleResult()).intValue());
    }

    @Test
    void aKeyWhoseRequestFailedIsFreeForTheCorrectedRequest() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", COHORT, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String key = "lyon1-bad-then-good-" + agreement;
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("text/csv").body("nom;prénom\nx;y\n")
                .when().post("/api/mobilities/bulk").then().statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:bad-csv"));
        // nothing was created, so the key was not used up (with the failed request kept it would be 422, key reused)
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8")
                .body(cohort(agreement, summer.id())).when().post("/api/mobilities/bulk").then().statusCode(201)
                .body("created", equalTo(COHORT));
    }

    @Test
    void aRetryWhileTheCohortIsBeingNominatedIsToldWhenToComeBack() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", COHORT, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String csv = cohort(agreement, summer.id());
        String key = "lyon1-cohort-running-" + agreement;
        Callable<Response> send = () -> given().auth().oauth2(LYON1).header("Idempotency-Key", key)
                .contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/mobilities/bulk");

        Future<Response> first;
        var pool = Executors.newSingleThreadExecutor();
        try (var breakpoint = DatabaseBreakpoint.atQuota(jdbcUrl, summer.id(), "2026/2027")) {
            first = pool.submit(send);
            breakpoint.awaitBlocked();    // the first row waits for the quota row: the key is held, nothing committed
            var retry = send.call();
            retry.then().statusCode(409).contentType("application/problem+json")
                    .header("Retry-After", equalTo("2"))
                    .body("type", equalTo("urn:passerelle:problem:idempotency-key-in-use"));
        }
        try {
            first.get(60, TimeUnit.SECONDS).then().statusCode(201).body("created", equalTo(COHORT));
        } finally {
            pool.shutdownNow();
        }
        send.call().then().statusCode(201).header("Idempotency-Replayed", "true").body("created", equalTo(COHORT));
        assertEquals(COHORT, quota.used(summer.id(), "2026/2027"));
    }

    @Test
    void aCohortOfWhichNoRowIsNominatedIsRefusedWithEachRowsProblemAndFreesItsKey() throws Exception {
        var summer = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING", COHORT, null, null);
        UUID agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", summer);
        String key = "lyon1-all-refused-" + agreement;
        // every row names the year 2031/2032, which the agreement does not cover
        String refused = cohort(agreement, summer.id()).replace("2026/2027", "2031/2032");
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).header("Accept-Language", "fr")
                .contentType("text/csv; charset=UTF-8").body(refused)
                .when().post("/api/mobilities/bulk")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:nothing-nominated"))
                .body("title", equalTo("Aucune nomination créée"))
                .body("created", equalTo(0)).body("refused", equalTo(COHORT))
                .body("rows", hasSize(COHORT))
                .body("rows.outcome", everyItem(equalTo("REFUSED")))
                .body("rows[0].row", equalTo(1))
                .body("rows[0].problem.type", equalTo("urn:passerelle:problem:condition-mismatch"));
        given().auth().oauth2(LYON1).contentType("application/json").body("[]")
                .when().post("/api/mobilities/bulk")
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:nothing-nominated"));
        // nothing was created, so the key is free for the corrected cohort
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("text/csv; charset=UTF-8")
                .body(cohort(agreement, summer.id())).when().post("/api/mobilities/bulk")
                .then().statusCode(201).body("created", equalTo(COHORT));
    }

    @Test
    void theBulkOperationsDocumentTheirRefusalAndTheKeyInUse() {
        String bulk = "paths.'/api/mobilities/bulk'.post.responses";
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(bulk + ".'422'.description", allOf(containsString("urn:passerelle:problem:nothing-nominated"),
                        containsString("urn:passerelle:problem:idempotency-key-reused")))
                .body(bulk + ".'422'.content.'application/problem+json'.schema", notNullValue())
                .body(bulk + ".'409'.description", containsString("urn:passerelle:problem:idempotency-key-in-use"))
                .body(bulk + ".'409'.headers.'Retry-After'", notNullValue())
                .body("paths.'/api/mobilities'.post.responses.'409'.description",
                        allOf(containsString("quota-exhausted"), containsString("idempotency-key-in-use")))
                .body("paths.'/api/mobilities'.post.responses.'409'.headers.'Retry-After'", notNullValue());
    }

    private static String cohort(UUID agreement, UUID condition) {
        var csv = new StringBuilder("agreementId,conditionId,academicYear,plannedArrival,plannedDeparture,givenName,familyName,chineseName,email,ine\n");
        for (int i = 0; i < COHORT; i++) {
            csv.append(String.join(",", agreement.toString(), condition.toString(), "2026/2027", "2027-07-05", "2027-07-30",
                    "Zoë", "\"D'Aubigné-" + i + "\"", "", "zoe.daubigne" + i + "@etu.univ-lyon1.fr", "%09dAB".formatted(100000000 + i)))
                    .append('\n');
        }
        return csv.toString();
    }
}
