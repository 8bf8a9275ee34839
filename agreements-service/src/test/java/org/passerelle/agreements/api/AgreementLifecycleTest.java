package org.passerelle.agreements.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Draft, propose, approve by both sides, terminate: over HTTP, with the events it publishes. */
@QuarkusTest
class AgreementLifecycleTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String SJTUSM_ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void approvedByBothSidesItIsActiveThenTerminatedAndEachStepIsAnEventThatMatchesItsSchema() throws Exception {
        String id = draft();
        String hash = given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/proposal", id)
                .then().statusCode(200).body("status", equalTo("PROPOSED")).extract().path("contentHash");

        given().auth().oauth2(LYON1).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post("/api/agreements/{id}/approvals", id)
                .then().statusCode(200).body("status", equalTo("PROPOSED"));
        given().auth().oauth2(PARIS).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post("/api/agreements/{id}/approvals", id)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
        given().auth().oauth2(SJTUSM_ADMIN).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post("/api/agreements/{id}/approvals", id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("parties.approved", equalTo(List.of(true, true)));

        given().auth().oauth2(SJTUSM_ADMIN).header("If-Match", AgreementApi.etag(id)).contentType("application/json").body("{\"reason\":\"Renégociation\"}")
                .when().post("/api/agreements/{id}/suspension", id)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/resumption", id)
                .then().statusCode(403);
        given().auth().oauth2(SJTUSM_ADMIN).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/resumption", id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(SJTUSM_ADMIN).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/resumption", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:agreement-status"));

        given().auth().oauth2(SJTUSM_ADMIN).header("If-Match", AgreementApi.etag(id)).contentType("application/json").body("{\"reason\":\"Remplacé par l'accord de 2027\"}")
                .when().post("/api/agreements/{id}/termination", id)
                .then().statusCode(200).body("status", equalTo("TERMINATED"));

        var events = eventsOf(id);
        assertEquals(List.of("passerelle.agreements.AgreementProposed.v1", "passerelle.agreements.AgreementApproved.v1",
                        "passerelle.agreements.AgreementApproved.v1", "passerelle.agreements.AgreementActivated.v1",
                        "passerelle.agreements.AgreementSuspended.v1",
                        "passerelle.agreements.AgreementResumed.v1", "passerelle.agreements.AgreementTerminated.v1"),
                events.stream().map(e -> e[0]).toList());
        for (String[] event : events) {
            assertEquals(List.of(), EventContracts.violations(event[0], event[1]), event[0] + " " + event[1]);
        }
    }

    @Test
    void aStaleApprovalIsAConflictThatNamesTheCurrentHash() {
        String id = draft();
        String hash = given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/proposal", id)
                .then().statusCode(200).extract().path("contentHash");
        given().auth().oauth2(LYON1).contentType("application/json").body("{\"contentHash\":\"" + "a".repeat(64) + "\"}")
                .when().post("/api/agreements/{id}/approvals", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:stale-approval"))
                .body("detail", org.hamcrest.Matchers.containsString(hash));
    }

    @Test
    void aDraftWithBadFieldsIsRefusedFieldByField() {
        given().auth().oauth2(LYON1).contentType("application/json")
                .body("{\"kind\":\"BILATERAL_EXCHANGE\",\"title\":{\"fr\":\"\",\"en\":\"x\",\"zh\":\"x\"},"
                        + "\"parties\":[\"sjtu.edu.cn\"],\"firstAcademicYear\":\"2025-2026\",\"lastAcademicYear\":\"2029/2030\"}")
                .when().post("/api/agreements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title.fr", "parties", "firstAcademicYear"));
        given().auth().oauth2(LYON1).contentType("application/json")
                .body("{\"kind\":\"BILATERAL_EXCHANGE\",\"title\":{\"fr\":\"a\",\"en\":\"b\",\"zh\":\"c\"},"
                        + "\"parties\":[\"sjtu.edu.cn\",\"univ-lyon1.fr\"],\"firstAcademicYear\":\"2029/2030\",\"lastAcademicYear\":\"2025/2026\"}")
                .when().post("/api/agreements")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:agreement-years"));
        given().auth().oauth2(LYON1).contentType("application/json")
                .body("{\"kind\":\"TREATY\"}")
                .when().post("/api/agreements")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void terminatingADraftIsRefusedAndStudentsCannotDraft() {
        String id = draft();
        given().auth().oauth2(SJTUSM_ADMIN).header("If-Match", AgreementApi.etag(id)).contentType("application/json").body("{\"reason\":\"x\"}")
                .when().post("/api/agreements/{id}/termination", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:agreement-status"));
        given().auth().oauth2(TestTokens.of("student", "univ-lyon1.fr")).contentType("application/json").body("{}")
                .when().post("/api/agreements")
                .then().statusCode(403);
    }

    private static String draft() {
        return given().auth().oauth2(LYON1).contentType("application/json")
                .body("""
                        {"kind":"BILATERAL_EXCHANGE",
                         "title":{"fr":"Accord d'échange SJTUSM - Université Claude Bernard Lyon 1",
                                  "en":"Exchange agreement SJTUSM - Claude Bernard University Lyon 1",
                                  "zh":"上海交通大学医学院与里昂第一大学交流协议"},
                         "parties":["univ-lyon1.fr","sjtu.edu.cn"],
                         "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030"}""")
                .when().post("/api/agreements")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("DRAFT"))
                .body("title.zh", equalTo("上海交通大学医学院与里昂第一大学交流协议"))
                .extract().path("id");
    }

    /** The outbox rows of an agreement, in order: [type, payload]. */
    private List<String[]> eventsOf(String agreementId) throws Exception {
        List<String[]> events = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select type, payload::text from outbox_event where aggregate_id = ? order by position")) {
            query.setString(1, agreementId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return events;
    }
}
