package org.passerelle.mobility.learning;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.ChangeFeedReader;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.mobility.AgreementsInForce;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The learning agreement of a mobility over HTTP: proposals, approvals by the student and both coordinators, stale
 * hashes, the history, who may see it, and the event it publishes.
 */
@QuarkusTest
class LearningAgreementApiTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String SJTUSM = TestTokens.of("coordinator", "sjtu.edu.cn");
    static final String SJTUSM_SCRIPT = TestTokens.of("integration", "sjtu.edu.cn");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String OFFICE = TestTokens.of("admin", "sjtu.edu.cn");

    static final String CARDIOLOGY = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56";
    static final String ANATOMY = "0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13";

    /** A clinical internship given in Chinese credits, and a basic course given in ECTS; both with the rule 1.5. */
    static final String TWO_COMPONENTS = """
            {"components":[
              {"sessionId":"%s","title":"Stage clinique en cardiologie – 心内科临床实习","chineseCredits":4,"ectsPerChineseCredit":1.5},
              {"sessionId":"%s","title":"Anatomie médicale – 医学解剖学","ects":5,"ectsPerChineseCredit":1.5}]}"""
            .formatted(CARDIOLOGY, ANATOMY);
    static final String ONE_COMPONENT = """
            {"components":[{"sessionId":"%s","title":"Stage clinique en cardiologie – 心内科临床实习","chineseCredits":6,"ects":9,
              "ectsPerChineseCredit":1.5}]}""".formatted(CARDIOLOGY);

    private static UUID agreement;
    private static UUID condition;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** A mobility of Hélène Wáng (王海伦), a Lyon 1 student at SJTUSM, and her token. */
    record Student(String mobility, String token) {
    }

    @Test
    void theStudentAndBothCoordinatorsApprovingTheSameHashPutTheVersionInForce() throws Exception {
        var student = nominated();
        given().auth().oauth2(student.token()).when().get(path(student))
                .then().statusCode(200).header("ETag", "\"0\"").body("inForce", nullValue()).body("pending", nullValue());

        String hash = propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201)
                .body("pending.number", equalTo(1)).body("pending.status", equalTo("PROPOSED"))
                .body("pending.components.title", equalTo(List.of("Stage clinique en cardiologie – 心内科临床实习", "Anatomie médicale – 医学解剖学")))
                .body("pending.components.ects", equalTo(List.of(6.0f, 5.0f)))
                .body("pending.components.chineseCredits", equalTo(List.of(4.0f, 3.3f)))
                .body("pending.components.ectsPerChineseCredit", equalTo(List.of(1.5f, 1.5f)))
                .body("pending.components.given", equalTo(List.of("CHINESE_CREDITS", "ECTS")))
                .body("pending.totalEcts", equalTo(11.0f))
                .body("pending.awaiting", equalTo(List.of("STUDENT", "SENDING_COORDINATOR", "RECEIVING_COORDINATOR")))
                .extract().path("pending.contentHash");
        String proposed = outboxPayload(student.mobility(), "passerelle.mobility.LearningAgreementProposed.v1");
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.LearningAgreementProposed.v1", proposed));
        var waiting = new com.fasterxml.jackson.databind.ObjectMapper().readTree(proposed);
        assertEquals(hash, waiting.path("contentHash").asText());
        assertEquals("[\"STUDENT\",\"SENDING_COORDINATOR\",\"RECEIVING_COORDINATOR\"]", waiting.path("awaiting").toString());

        approve(student.token(), student, hash).statusCode(200)
                .body("pending.awaiting", equalTo(List.of("SENDING_COORDINATOR", "RECEIVING_COORDINATOR")));
        approve(LYON1, student, hash).statusCode(200).body("pending.awaiting", equalTo(List.of("RECEIVING_COORDINATOR")))
                .body("inForce", nullValue());
        approve(SJTUSM_SCRIPT, student, hash).statusCode(200)
                .body("pending", nullValue())
                .body("inForce.number", equalTo(1)).body("inForce.status", equalTo("APPROVED"))
                .body("inForce.approvals.party", equalTo(List.of("STUDENT", "SENDING_COORDINATOR", "RECEIVING_COORDINATOR")))
                .body("inForce.approvals.approvedAs", equalTo(List.of("student", "coordinator", "integration")));

        String event = outboxPayload(student.mobility(), "passerelle.mobility.LearningAgreementApproved.v1");
        assertEquals(List.of(), EventContracts.violations("passerelle.mobility.LearningAgreementApproved.v1", event));
        var published = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event);
        assertEquals(hash, published.path("contentHash").asText());
        assertEquals("6.0 4.0 1.5 CHINESE_CREDITS", published.at("/components/0/ects").asText() + " "
                + published.at("/components/0/chineseCredits").asText() + " " + published.at("/components/0/ectsPerChineseCredit").asText()
                + " " + published.at("/components/0/given").asText());
    }

    @Test
    void threePartiesApprovingAtTheSameMomentAllCount() throws Exception {
        var student = nominated();
        String hash = propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var answers = pool.invokeAll(List.of(student.token(), LYON1, SJTUSM).stream()
                    .map(token -> (java.util.concurrent.Callable<Integer>) () -> approve(token, student, hash).extract().statusCode())
                    .toList());
            for (var answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(LYON1).when().get(path(student)).then().statusCode(200)
                .body("inForce.contentHash", equalTo(hash)).body("inForce.approvals.size()", equalTo(3)).body("pending", nullValue())
                .header("ETag", "\"4\"");
    }

    @Test
    void aStaleHashIsAConflictNamingTheCurrentProposal() throws Exception {
        var student = nominated();
        String first = propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");
        propose(SJTUSM, student, "\"0\"", ONE_COMPONENT).statusCode(412)
                .body("type", equalTo("urn:passerelle:problem:precondition-failed"));
        given().auth().oauth2(SJTUSM).contentType("application/json").body(ONE_COMPONENT).when().post(path(student) + "/proposals")
                .then().statusCode(428);
        String second = propose(SJTUSM, student, etag(student), ONE_COMPONENT).statusCode(201)
                .body("pending.number", equalTo(2)).extract().path("pending.contentHash");

        approve(LYON1, student, first).statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:learning-agreement-stale-approval"))
                .body("detail", containsString(second));
        given().auth().oauth2(LYON1).header("Accept-Language", "zh").contentType("application/json")
                .body("{\"contentHash\":\"" + first + "\"}").when().post(path(student) + "/approvals")
                .then().statusCode(409).body("detail", containsString("第 2 版"));
        propose(LYON1, student, etag(student), ONE_COMPONENT).statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:learning-agreement-unchanged"));
    }

    @Test
    void theHistoryKeepsEveryVersionWithItsStatusOldestFirst() throws Exception {
        var student = nominated();
        propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201);
        String second = propose(LYON1, student, etag(student), ONE_COMPONENT).statusCode(201).extract().path("pending.contentHash");
        approveByAll(student, second);
        String third = propose(SJTUSM, student, etag(student), TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");

        versions(student.token(), student).body("number", equalTo(List.of(1, 2, 3)))
                .body("status", equalTo(List.of("WITHDRAWN", "APPROVED", "PROPOSED")));
        approveByAll(student, third);
        versions(SJTUSM, student)
                .body("status", equalTo(List.of("WITHDRAWN", "SUPERSEDED", "APPROVED")))
                .body("[0].endedAt", org.hamcrest.Matchers.notNullValue())
                .body("[1].components[0].chineseCredits", equalTo(6.0f))
                .body("[2].components.size()", equalTo(2));
        given().auth().oauth2(LYON1).when().get(path(student)).then().statusCode(200)
                .body("inForce.number", equalTo(3)).body("pending", nullValue());
    }

    @Test
    void onlyThoseWhoSeeTheMobilityReachItsLearningAgreement() throws Exception {
        var student = nominated();
        String hash = propose(LYON1, student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");
        String otherStudent = AgreementsInForce.studentToken("univ-lyon1.fr", "zoe.lefevre@etu.univ-lyon1.fr");

        for (String stranger : List.of(PARIS, TestTokens.of("integration", "u-paris.fr"), otherStudent)) {
            given().auth().oauth2(stranger).when().get(path(student))
                    .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
            given().auth().oauth2(stranger).when().get(path(student) + "/versions").then().statusCode(404);
            approve(stranger, student, hash).statusCode(404);
            propose(stranger, student, "\"1\"", ONE_COMPONENT).statusCode(404);
        }
        given().auth().oauth2(TestTokens.of("supervisor", "sjtu.edu.cn")).when().get(path(student)).then().statusCode(403);
        versions(LYON1, student).body("[0].approvals", equalTo(List.of())).body("[0].status", equalTo("PROPOSED"));
    }

    @Test
    void theInternationalOfficeNamesTheSideItApprovesForAndNobodyApprovesForAnother() throws Exception {
        var student = nominated();
        String hash = propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");

        given().auth().oauth2(OFFICE).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post(path(student) + "/approvals")
                .then().statusCode(400).body("errors.field", equalTo(List.of("party")));
        given().auth().oauth2(OFFICE).contentType("application/json").body("{\"contentHash\":\"" + hash + "\",\"party\":\"STUDENT\"}")
                .when().post(path(student) + "/approvals").then().statusCode(400).body("errors.field", equalTo(List.of("party")));
        given().auth().oauth2(student.token()).contentType("application/json")
                .body("{\"contentHash\":\"" + hash + "\",\"party\":\"SENDING_COORDINATOR\"}")
                .when().post(path(student) + "/approvals")
                .then().statusCode(400).body("errors[0].field", equalTo("party")).body("errors[0].reason", containsString("STUDENT"));
        given().auth().oauth2(OFFICE).contentType("application/json")
                .body("{\"contentHash\":\"" + hash + "\",\"party\":\"RECEIVING_COORDINATOR\"}")
                .when().post(path(student) + "/approvals")
                .then().statusCode(200).body("pending.approvals[0].party", equalTo("RECEIVING_COORDINATOR"))
                .body("pending.approvals[0].approvedAs", equalTo("admin"));
    }

    @Test
    void badCreditsAreRefusedWithTheFieldAndTheReason() throws Exception {
        var student = nominated();
        propose(LYON1, student, "\"0\"", """
                {"components":[{"sessionId":"%s","ects":4.25,"chineseCredits":3,"ectsPerChineseCredit":1.5}]}""".formatted(CARDIOLOGY))
                .statusCode(400).body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", equalTo(List.of("components[0].ects")))
                .body("errors[0].reason", containsString("at most one decimal"));
        propose(LYON1, student, "\"0\"", """
                {"components":[{"sessionId":"%s","ects":7,"chineseCredits":4,"ectsPerChineseCredit":1.5}]}""".formatted(CARDIOLOGY))
                .statusCode(400).body("errors.field", equalTo(List.of("components[0].ects")))
                .body("errors[0].reason", equalTo("must be 6.0 by the rule (1 Chinese credit = 1.5 ECTS), or left out to be converted"));
        given().auth().oauth2(LYON1).header("If-Match", "\"0\"").header("Accept-Language", "fr").contentType("application/json")
                .body("""
                        {"components":[{"sessionId":"%s","ects":0,"chineseCredits":3},{"sessionId":"%s","ects":6}]}"""
                        .formatted(CARDIOLOGY, CARDIOLOGY))
                .when().post(path(student) + "/proposals")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("components[0].ects", "components[1].sessionId", "components[1].chineseCredits")))
                .body("errors[0].reason", containsString("au plus une décimale"))
                .body("errors[2].reason", containsString("dans les deux systèmes"));
        propose(LYON1, student, "\"0\"", "{\"components\":[]}").statusCode(400).body("errors.field", equalTo(List.of("components")));
        propose(LYON1, student, "\"0\"", "{\"components\":[{\"ects\":6,\"chineseCredits\":4}]}")
                .statusCode(400).body("errors.field", equalTo(List.of("components[0].sessionId")));
        versions(LYON1, student).body("size()", equalTo(0));
    }

    @Test
    void aRetriedProposalProposesOnceAndACancelledMobilityTakesNoMore() throws Exception {
        var student = nominated();
        String key = "lyon1-la-" + student.mobility();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(LYON1).header("If-Match", "\"0\"").header("Idempotency-Key", key).contentType("application/json")
                    .body(TWO_COMPONENTS).when().post(path(student) + "/proposals")
                    .then().statusCode(201).body("pending.number", equalTo(1));
        }
        versions(LYON1, student).body("size()", equalTo(1));

        String mobilityEtag = given().auth().oauth2(LYON1).when().get("/api/mobilities/{id}", student.mobility()).then().extract().header("ETag");
        given().auth().oauth2(LYON1).header("If-Match", mobilityEtag).contentType("application/json")
                .body("{\"reason\":\"Désistement de l'étudiante\"}").when().post("/api/mobilities/{id}/cancellation", student.mobility())
                .then().statusCode(200);
        propose(LYON1, student, etag(student), ONE_COMPONENT).statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:learning-agreement-closed"))
                .body("detail", containsString("CANCELLED"));
    }

    @Test
    void cancellingTheMobilityWithdrawsThePendingProposalAndKeepsTheVersionInForce() throws Exception {
        var student = nominated();
        String first = propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");
        approveByAll(student, first);
        String second = propose(LYON1, student, etag(student), ONE_COMPONENT).statusCode(201).extract().path("pending.contentHash");
        approve(student.token(), student, second).statusCode(200);

        close(student, LYON1, "/cancellation", "Désistement de l'étudiante");

        given().auth().oauth2(student.token()).when().get(path(student)).then().statusCode(200)
                .body("pending", nullValue()).body("inForce.contentHash", equalTo(first));
        versions(LYON1, student).body("status", equalTo(List.of("APPROVED", "WITHDRAWN")))
                .body("[1].endedAt", org.hamcrest.Matchers.notNullValue())
                .body("[1].approvals.party", equalTo(List.of("STUDENT")));
        for (String token : List.of(LYON1, SJTUSM)) {
            approve(token, student, second).statusCode(409)
                    .body("type", equalTo("urn:passerelle:problem:learning-agreement-closed"))
                    .body("detail", containsString("CANCELLED"));
        }
        versions(SJTUSM, student).body("[1].status", equalTo("WITHDRAWN")).body("[1].approvals.size()", equalTo(1));
    }

    @Test
    void rejectingTheMobilityWithdrawsThePendingProposal() throws Exception {
        var student = nominated();
        String hash = propose(LYON1, student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");
        String before = etag(student);

        close(student, SJTUSM, "/rejection", "Pas de place en cardiologie ce semestre");

        given().auth().oauth2(LYON1).when().get(path(student)).then().statusCode(200)
                .body("pending", nullValue()).body("inForce", nullValue())
                .header("ETag", org.hamcrest.Matchers.not(equalTo(before)));
        versions(student.token(), student).body("status", equalTo(List.of("WITHDRAWN")));
        approve(student.token(), student, hash).statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:learning-agreement-closed"))
                .body("detail", containsString("REJECTED"));
    }

    @Test
    void theChangeFeedBringsEachProposalAndApprovalOnceToBothSidesOnly() throws Exception {
        String feed = "/api/mobilities/learning-agreements/changes";
        var lyon = new ChangeFeedReader(LYON1, feed, "mobilityId");
        var paris = new ChangeFeedReader(PARIS, feed, "mobilityId");
        String lyonCursor = lyon.now();
        String parisCursor = paris.now();
        var student = nominated();
        String hash = propose(student.token(), student, "\"0\"", TWO_COMPONENTS).statusCode(201).extract().path("pending.contentHash");

        var proposed = lyon.read(lyonCursor, student.mobility());
        assertEquals(List.of(List.of("STUDENT", "SENDING_COORDINATOR", "RECEIVING_COORDINATOR")), proposed.each("pending.awaiting"));
        approve(LYON1, student, hash).statusCode(200);   // an approval changes only the version's row
        var approved = lyon.read(proposed.cursor(), student.mobility());
        assertEquals(List.of(List.of("STUDENT", "RECEIVING_COORDINATOR")), approved.each("pending.awaiting"));
        assertEquals(List.of(), lyon.read(approved.cursor(), student.mobility()).items(), "a change comes once");

        var receiving = new ChangeFeedReader(SJTUSM, feed, "mobilityId").readFrom(java.time.Instant.EPOCH, student.mobility());
        assertEquals(List.of(hash), receiving.each("pending.contentHash"), "the receiving side hears of it");
        assertEquals(List.of(), paris.read(parisCursor, student.mobility()).items(), "Paris is not a party");
    }

    /** Cancels or rejects the mobility as {@code token}'s side would, with its ETag. */
    private static void close(Student student, String token, String action, String reason) {
        String mobilityEtag = given().auth().oauth2(token).when().get("/api/mobilities/{id}", student.mobility()).then().extract().header("ETag");
        given().auth().oauth2(token).header("If-Match", mobilityEtag).contentType("application/json")
                .body("{\"reason\":\"" + reason + "\"}").when().post("/api/mobilities/{id}" + action, student.mobility())
                .then().statusCode(200);
    }

    private Student nominated() throws Exception {
        synchronized (LearningAgreementApiTest.class) {
            if (agreement == null) {
                var clinical = AgreementsInForce.condition("univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_LONG", 100, 90, 365);
                agreement = AgreementsInForce.activate(entityManager, "univ-lyon1.fr", clinical);
                condition = clinical.id();
            }
        }
        String email = "helene.wang." + UUID.randomUUID().toString().substring(0, 8) + "@etu.univ-lyon1.fr";
        String id = given().auth().oauth2(LYON1).contentType("application/json").body("""
                        {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2026-09-20",
                         "plannedDeparture":"2027-02-28","requestedSessions":["%s","%s"],
                         "person":{"givenName":"Hélène","familyName":"Wáng","chineseName":"王海伦","email":"%s","ine":"123456789AB"}}"""
                        .formatted(agreement, condition, CARDIOLOGY, ANATOMY, email))
                .when().post("/api/mobilities").then().statusCode(201).extract().path("id");
        return new Student(id, AgreementsInForce.studentToken("univ-lyon1.fr", email));
    }

    private static String path(Student student) {
        return "/api/mobilities/" + student.mobility() + "/learning-agreement";
    }

    private static String etag(Student student) {
        return given().auth().oauth2(LYON1).when().get(path(student)).then().statusCode(200).extract().header("ETag");
    }

    private static ValidatableResponse propose(String token, Student student, String ifMatch, String body) {
        return given().auth().oauth2(token).header("If-Match", ifMatch).contentType("application/json").body(body)
                .when().post(path(student) + "/proposals").then();
    }

    private static ValidatableResponse approve(String token, Student student, String hash) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post(path(student) + "/approvals").then();
    }

    private static ValidatableResponse versions(String token, Student student) {
        return given().auth().oauth2(token).when().get(path(student) + "/versions").then().statusCode(200);
    }

    private static void approveByAll(Student student, String hash) {
        approve(student.token(), student, hash).statusCode(200);
        approve(LYON1, student, hash).statusCode(200);
        approve(SJTUSM, student, hash).statusCode(200).body("inForce.contentHash", equalTo(hash));
    }

    private String outboxPayload(String mobility, String type) throws Exception {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select payload::text from outbox_event where aggregate_id = ? and type = ?")) {
            query.setString(1, mobility);
            query.setString(2, type);
            try (var rows = query.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(rows.next(), "no " + type + " in the outbox for " + mobility);
                return rows.getString(1);
            }
        }
    }
}
