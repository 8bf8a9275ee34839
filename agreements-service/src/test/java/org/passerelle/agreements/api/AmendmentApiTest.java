package org.passerelle.agreements.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.AgreementExpiry;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestTokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passerelle.agreements.api.AgreementApi.SJTUSM_ADMIN;

/** Amendments over HTTP: proposed and approved again while the approved version stays in force; history; expiry. */
@QuarkusTest
class AmendmentApiTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AgreementExpiry expiry;

    @Test
    void anAmendmentComesIntoForceOnlyWhenBothSidesApprovedItAndEveryVersionIsKept() throws Exception {
        String id = activeAgreement("2025/2026", "2029/2030");
        String conditionId = given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id)
                .then().extract().path("conditions[0].id");

        // More staff places, a longer clinical internship, a new research condition and one more year.
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).contentType("application/json")
                .body(content("2030/2031", """
                        {"id":"%s","sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                         "mobilityType":"CLINICAL_INTERNSHIP_MID","placesPerYear":15,"firstAcademicYear":"2025/2026",
                         "lastAcademicYear":"2029/2030","minimumDays":30,"maximumDays":120},
                        {"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                         "mobilityType":"RESEARCH_LONG","placesPerYear":3,"firstAcademicYear":"2026/2027",
                         "lastAcademicYear":"2030/2031","minimumDays":180}""".formatted(conditionId)))
                .when().post("/api/agreements/{id}/amendment", id)
                .then().statusCode(200)
                .body("versionInForce", equalTo(1))
                .body("conditions[0].placesPerYear", equalTo(10))
                .body("amendment.number", equalTo(2))
                .body("amendment.status", equalTo("DRAFT"))
                .body("amendment.content.conditions[0].placesPerYear", equalTo(15));

        String hash = given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id))
                .when().post("/api/agreements/{id}/amendment/proposal", id)
                .then().statusCode(200).body("amendment.status", equalTo("PROPOSED"))
                .extract().path("amendment.contentHash");

        AgreementApi.approve(LYON1, id, hash);
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id)
                .then().body("versionInForce", equalTo(1)).body("conditions[0].placesPerYear", equalTo(10))
                .body("amendment.approvals.find { it.institution == 'univ-lyon1.fr' }.approved", equalTo(true));

        given().auth().oauth2(SJTUSM_ADMIN).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post("/api/agreements/{id}/approvals", id)
                .then().statusCode(200)
                .body("versionInForce", equalTo(2))
                .body("status", equalTo("ACTIVE"))
                .body("contentHash", equalTo(hash))
                .body("conditions[0].id", equalTo(conditionId))
                .body("conditions[0].placesPerYear", equalTo(15))
                .body("lastAcademicYear", equalTo("2030/2031"))
                .body("amendment", nullValue());

        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}/versions", id)
                .then().statusCode(200)
                .body("number", equalTo(List.of(1, 2)))
                .body("status", equalTo(List.of("SUPERSEDED", "IN_FORCE")))
                .body("[0].content.conditions[0].placesPerYear", equalTo(10))
                .body("[1].contentHash", equalTo(hash))
                .body("[1].approvals.institution", equalTo(List.of("sjtu.edu.cn", "univ-lyon1.fr")));

        given().auth().oauth2(LYON1).queryParam("from", 1).queryParam("to", 2).when().get("/api/agreements/{id}/changes", id)
                .then().statusCode(200)
                .body("fields.field", equalTo(List.of("lastAcademicYear")))
                .body("conditions.change", equalTo(List.of("CHANGED", "ADDED")))
                .body("conditions[0].id", equalTo(conditionId))
                .body("conditions[0].fields.field", equalTo(List.of("placesPerYear", "maximumDays")))
                .body("conditions[0].fields[0].from", equalTo(10))
                .body("conditions[0].fields[0].to", equalTo(15));
        given().auth().oauth2(LYON1).queryParam("from", 3).when().get("/api/agreements/{id}/changes", id)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:no-such-version"));
        given().auth().oauth2(PARIS).when().get("/api/agreements/{id}/versions", id).then().statusCode(404);

        var amended = eventsOf(id, "passerelle.agreements.AgreementAmended.v1");
        assertEquals(1, amended.size());
        assertEquals(List.of(), EventContracts.violations("passerelle.agreements.AgreementAmended.v1", amended.get(0)));
        for (String type : List.of("AgreementProposed", "AgreementApproved")) {
            for (String payload : eventsOf(id, "passerelle.agreements." + type + ".v1")) {
                assertEquals(List.of(), EventContracts.violations("passerelle.agreements." + type + ".v1", payload));
            }
        }
    }

    @Test
    void oneAmendmentAtATimeWithTheSamePartiesAndEveryChangeNamesTheVersionItRead() {
        String id = activeAgreement("2025/2026", "2029/2030");
        given().auth().oauth2(LYON1).contentType("application/json").body(content("2029/2030", ""))
                .when().post("/api/agreements/{id}/amendment", id)
                .then().statusCode(428).body("type", equalTo("urn:passerelle:problem:precondition-required"));
        given().auth().oauth2(LYON1).header("If-Match", "\"0\"").contentType("application/json").body(content("2029/2030", ""))
                .when().post("/api/agreements/{id}/amendment", id)
                .then().statusCode(412);
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).contentType("application/json")
                .body(content("2029/2030", "").replace("\"univ-lyon1.fr\"]", "\"u-paris.fr\"]"))
                .when().post("/api/agreements/{id}/amendment", id)
                .then().statusCode(400).body("errors.field", hasItem("parties"));

        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).contentType("application/json").body(content("2029/2030", ""))
                .when().post("/api/agreements/{id}/amendment", id).then().statusCode(200);
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).contentType("application/json").body(content("2029/2030", ""))
                .when().post("/api/agreements/{id}/amendment", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:amendment-pending"));
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().delete("/api/agreements/{id}/amendment", id)
                .then().statusCode(200).body("amendment", nullValue());
        given().auth().oauth2(PARIS).header("If-Match", AgreementApi.etag(id)).contentType("application/json").body(content("2029/2030", ""))
                .when().post("/api/agreements/{id}/amendment", id).then().statusCode(404);
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().delete("/api/agreements/{id}", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:agreement-status"));
    }

    @Test
    void anAgreementPastItsLastYearExpiresOnceEvenWhenTwoInstancesRunTheJobTogether() throws Exception {
        String ended = activeAgreement("2021/2022", "2023/2024");
        String current = activeAgreement("2025/2026", "2029/2030");
        var today = LocalDate.of(2026, 11, 28);

        var first = CompletableFuture.supplyAsync(() -> expiry.expireEnded(today));
        var second = CompletableFuture.supplyAsync(() -> expiry.expireEnded(today));
        first.get();
        second.get();

        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", ended).then().body("status", equalTo("EXPIRED"));
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", current).then().body("status", equalTo("ACTIVE"));
        var expired = eventsOf(ended, "passerelle.agreements.AgreementExpired.v1");
        assertEquals(1, expired.size(), "one AgreementExpired, whichever instance expired it");
        assertEquals(List.of(), EventContracts.violations("passerelle.agreements.AgreementExpired.v1", expired.get(0)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> expiry.expireEnded(today)) , "nothing left to expire");
    }

    static String content(String lastYear, String conditions) {
        return content("2025/2026", lastYear, conditions);
    }

    static String content(String firstYear, String lastYear, String conditions) {
        return """
                {"kind":"BILATERAL_EXCHANGE",
                 "title":{"fr":"Accord d'échange SJTUSM - Université Claude Bernard Lyon 1",
                          "en":"Exchange agreement SJTUSM - Claude Bernard University Lyon 1",
                          "zh":"上海交通大学医学院与里昂第一大学交流协议"},
                 "parties":["sjtu.edu.cn","univ-lyon1.fr"], "signedOn":"2025-11-20", "signedAt":"Paris",
                 "firstAcademicYear":"%s","lastAcademicYear":"%s","conditions":[%s]}"""
                .formatted(firstYear, lastYear, conditions);
    }

    /** A Lyon 1 agreement approved by both sides, with one clinical condition of 10 places. */
    static String activeAgreement(String firstYear, String lastYear) {
        String condition = """
                {"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                 "mobilityType":"CLINICAL_INTERNSHIP_MID","placesPerYear":10,"firstAcademicYear":"%s",
                 "lastAcademicYear":"%s","minimumDays":30,"maximumDays":90}""".formatted(firstYear, lastYear);
        String id = given().auth().oauth2(LYON1).contentType("application/json").body(content(firstYear, lastYear, condition))
                .when().post("/api/agreements").then().statusCode(201)
                .body("signedAt", equalTo("Paris")).extract().path("id");
        String hash = AgreementApi.propose(LYON1, id);
        AgreementApi.approve(LYON1, id, hash);
        AgreementApi.approve(SJTUSM_ADMIN, id, hash);
        return id;
    }

    private List<String> eventsOf(String agreementId, String type) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "select payload::text from outbox_event where aggregate_id = ? and type = ? order by position")) {
            query.setString(1, agreementId);
            query.setString(2, type);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }
}
