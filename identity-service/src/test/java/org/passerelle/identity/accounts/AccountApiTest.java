package org.passerelle.identity.accounts;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What accounts and integration clients refuse before reaching Keycloak, and what happens when Keycloak cannot be
 * reached (none runs for these tests): a 503 and nothing recorded. Provisioning itself: KeycloakProvisioningIT.
 */
@QuarkusTest
class AccountApiTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");

    @Test
    void aStudentAccountIsRefusedForStaffNamingTheRole() {
        String staff = registerPerson("STAFF", "Hélène", "Marchais-Noël");
        given().auth().oauth2(ADMIN).header("Accept-Language", "fr").contentType("application/json")
                .body(Map.of("personId", staff, "role", "STUDENT", "username", "helene.marchais"))
                .when().post("/api/accounts")
                .then().statusCode(400)
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void badFieldsAndUnknownPeopleAreRefused() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("role", "DEAN", "username", "É"))
                .when().post("/api/accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("role", "STUDENT", "username", "Éloïse"))
                .when().post("/api/accounts")
                .then().statusCode(400).body("errors.field", hasItems("personId", "username"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("personId", "7d3c1b5e-0000-4000-8000-000000000000", "role", "STUDENT", "username", "zoe.ndiaye"))
                .when().post("/api/accounts")
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("clientId", "Lyon 1", "institution", "nowhere.example"))
                .when().post("/api/integration-clients")
                .then().statusCode(400).body("errors.field", hasItems("clientId"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("clientId", "nowhere-scripts", "institution", "nowhere.example"))
                .when().post("/api/integration-clients")
                .then().statusCode(400).body("errors[0].field", equalTo("institution"));
    }

    @Test
    void withoutKeycloakNothingIsCreatedAndTheAnswerIsA503() {
        String student = registerPerson("STUDENT", "Zoë", "N'Diaye");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("personId", student, "role", "STUDENT", "username", "zoe.ndiaye"))
                .when().post("/api/accounts")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:dependency-unavailable"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("clientId", "u-paris-scripts", "institution", "u-paris.fr"))
                .when().post("/api/integration-clients")
                .then().statusCode(503).body("type", equalTo("urn:passerelle:problem:dependency-unavailable"));
        given().auth().oauth2(ADMIN).queryParam("size", 100).when().get("/api/accounts")
                .then().statusCode(200).body("items.findAll { it.personId == '" + student + "' }.size()", equalTo(0));
        given().auth().oauth2(ADMIN).queryParam("size", 100).when().get("/api/integration-clients")
                .then().statusCode(200).body("items.findAll { it.clientId == 'u-paris-scripts' }.size()", equalTo(0));
    }

    @Test
    void onlyTheInternationalOfficeOpensAccountsAndCreatesClients() {
        given().auth().oauth2(PARIS).contentType("application/json")
                .body(Map.of("personId", "7d3c1b5e-0000-4000-8000-000000000000", "role", "STUDENT", "username", "zoe.ndiaye"))
                .when().post("/api/accounts")
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:forbidden"));
        given().auth().oauth2(TestTokens.of("integration", "u-paris.fr")).contentType("application/json")
                .body(Map.of("clientId", "u-paris-more", "institution", "u-paris.fr"))
                .when().post("/api/integration-clients")
                .then().statusCode(403);
        given().auth().oauth2(PARIS).when().post("/api/integration-clients/{id}/secret-rotation",
                        "7d3c1b5e-0000-4000-8000-000000000000")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.of("student", "u-paris.fr")).when().get("/api/accounts")
                .then().statusCode(403);
        given().auth().oauth2(PARIS).when().get("/api/accounts/{id}", "7d3c1b5e-0000-4000-8000-000000000000")
                .then().statusCode(404);
    }

    private static String registerPerson(String kind, String given, String family) {
        String body = """
                {"kind":"%s","institution":"u-paris.fr","name":{"given":"%s","family":"%s"},"email":"someone@u-paris.example",
                 "identifiers":[{"scheme":"INE","value":"%d%s"}]}"""
                .formatted(kind, given, family, ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999), "AC");
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/people").then().statusCode(201).extract().path("id");
    }
}
