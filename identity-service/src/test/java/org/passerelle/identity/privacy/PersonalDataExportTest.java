package org.passerelle.identity.privacy;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An export is complete or refused: here no other service runs, so the first one asked is named in a 503 (the
 * complete export, with each service's part, is checked against the running platform in deploy/e2e PersonErasureIT).
 */
@QuarkusTest
class PersonalDataExportTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    @Test
    void anExportWithoutMobilityServiceIsRefusedNamingIt() {
        String id = given().auth().oauth2(ADMIN).contentType("application/json").body(FictionalPerson.random().identityJson("sjtu.edu.cn"))
                .when().post("/api/people").then().statusCode(201).extract().path("id");

        given().auth().oauth2(ADMIN).header("Accept-Language", "en").when().get("/api/people/{id}/export", id)
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:export-incomplete"))
                .body("detail", containsString("mobility-service"));
    }

    @Test
    void aStudentExportsOnlyThemselves() {
        String id = given().auth().oauth2(ADMIN).contentType("application/json").body(FictionalPerson.random().identityJson("sjtu.edu.cn"))
                .when().post("/api/people").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.of("student", "sjtu.edu.cn")).when().get("/api/people/{id}/export", id)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
        given().auth().oauth2(TestTokens.of("coordinator", "sjtu.edu.cn")).when().get("/api/people/{id}/export", id)
                .then().statusCode(403);
    }
}
