package org.passerelle.agreements.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Drafts are revised under optimistic locking (ETag / If-Match), deleted until in force, and found by filters. */
@QuarkusTest
class AgreementDraftTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String SJTUSM_ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    static String body(String firstYear, String lastYear, String... parties) {
        return """
                {"kind":"BILATERAL_EXCHANGE",
                 "title":{"fr":"Accord SJTUSM - Lyon 1","en":"SJTUSM - Lyon 1 agreement","zh":"上海交大医学院-里昂一大协议"},
                 "parties":[%s],"firstAcademicYear":"%s","lastAcademicYear":"%s"}"""
                .formatted(String.join(",", java.util.Arrays.stream(parties).map(p -> "\"" + p + "\"").toList()), firstYear, lastYear);
    }

    @Test
    void aDraftIsRevisedOnlyByWhoeverReadItsCurrentVersion() {
        var created = given().auth().oauth2(LYON1).contentType("application/json")
                .body(body("2025/2026", "2029/2030", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements").then().statusCode(201).header("ETag", "\"0\"").extract();
        String id = created.path("id");

        given().auth().oauth2(LYON1).contentType("application/json").body(body("2025/2026", "2030/2031", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().put("/api/agreements/{id}", id)
                .then().statusCode(428).body("type", equalTo("urn:passerelle:problem:precondition-required"));
        given().auth().oauth2(LYON1).header("If-Match", "\"0\"").contentType("application/json")
                .body(body("2025/2026", "2030/2031", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().put("/api/agreements/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("lastAcademicYear", equalTo("2030/2031"));
        given().auth().oauth2(LYON1).header("If-Match", "\"0\"").contentType("application/json")
                .body(body("2025/2026", "2031/2032", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().put("/api/agreements/{id}", id)
                .then().statusCode(412).body("type", equalTo("urn:passerelle:problem:precondition-failed"));
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("lastAcademicYear", equalTo("2030/2031"));
    }

    @Test
    void aProposedAgreementIsNoLongerRevisedButMayStillBeDeleted() {
        String id = given().auth().oauth2(LYON1).contentType("application/json")
                .body(body("2025/2026", "2029/2030", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/proposal", id).then().statusCode(200);
        String etag = given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id).then().extract().header("ETag");

        given().auth().oauth2(LYON1).header("If-Match", etag).contentType("application/json")
                .body(body("2025/2026", "2030/2031", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().put("/api/agreements/{id}", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:agreement-status"));
        given().auth().oauth2(LYON1).header("If-Match", etag).when().delete("/api/agreements/{id}", id).then().statusCode(204);
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id).then().statusCode(404);
    }

    @Test
    void anAgreementOnceInForceIsKept() {
        String id = given().auth().oauth2(LYON1).contentType("application/json")
                .body(body("2025/2026", "2029/2030", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        String hash = given().auth().oauth2(LYON1).header("If-Match", AgreementApi.etag(id)).when().post("/api/agreements/{id}/proposal", id).then().extract().path("contentHash");
        for (String token : new String[] {LYON1, SJTUSM_ADMIN}) {
            given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                    .when().post("/api/agreements/{id}/approvals", id).then().statusCode(200);
        }
        String etag = given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(LYON1).header("If-Match", etag).when().delete("/api/agreements/{id}", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:agreement-status"));
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesOnce() {
        String key = "lyon1-draft-" + java.util.UUID.randomUUID();
        String body = body("2025/2026", "2029/2030", "sjtu.edu.cn", "univ-lyon1.fr");
        String first = given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/agreements")
                .then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith(first))
                .body("id", equalTo(first));
        given().auth().oauth2(LYON1).header("Idempotency-Key", key).contentType("application/json")
                .body(body("2025/2026", "2030/2031", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements")
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:idempotency-key-reused"));
        String other = given().auth().oauth2(LYON1).contentType("application/json").body(body)
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other, "without a key, each request creates");
    }

    @Test
    void aCoordinatorDraftsOnlyForTheirOwnInstitution() {
        given().auth().oauth2(PARIS).contentType("application/json")
                .body(body("2025/2026", "2029/2030", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements")
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:not-a-party"));
    }

    @Test
    void aCoordinatorCannotTakeOverAnotherInstitutionsDraft() {
        String id = given().auth().oauth2(LYON1).contentType("application/json")
                .body(body("2025/2026", "2029/2030", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(PARIS).header("If-Match", "\"0\"").contentType("application/json")
                .body(body("2025/2026", "2029/2030", "sjtu.edu.cn", "u-paris.fr"))
                .when().put("/api/agreements/{id}", id)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
        given().auth().oauth2(PARIS).header("If-Match", "\"0\"").when().delete("/api/agreements/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(PARIS).when().get("/api/agreements/{id}", id).then().statusCode(404);
        given().auth().oauth2(LYON1).when().get("/api/agreements/{id}", id)
                .then().statusCode(200).header("ETag", "\"0\"").body("parties.institution", hasItem("univ-lyon1.fr"));
    }

    @Test
    void filtersByPartyAndAnAcademicYearCovered() {
        String lyon = given().auth().oauth2(LYON1).contentType("application/json")
                .body(body("2025/2026", "2027/2028", "sjtu.edu.cn", "univ-lyon1.fr"))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        String paris = given().auth().oauth2(PARIS).contentType("application/json")
                .body(body("2028/2029", "2030/2031", "sjtu.edu.cn", "u-paris.fr"))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");

        given().auth().oauth2(SJTUSM_ADMIN).queryParam("party", "u-paris.fr").queryParam("size", 100)
                .when().get("/api/agreements")
                .then().statusCode(200).body("items.id", hasItem(paris)).body("items.id", not(hasItem(lyon)));
        given().auth().oauth2(SJTUSM_ADMIN).queryParam("academicYear", "2026/2027").queryParam("size", 100)
                .when().get("/api/agreements")
                .then().statusCode(200).body("items.id", hasItem(lyon)).body("items.id", not(hasItem(paris)));
        given().auth().oauth2(SJTUSM_ADMIN).queryParam("academicYear", "2026-2027")
                .when().get("/api/agreements")
                .then().statusCode(400).body("errors[0].field", equalTo("academicYear"));
    }
}
