package org.passerelle.identity.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.identity.accounts.RealKeycloak.accessToken;
import static org.passerelle.identity.accounts.RealKeycloak.adminToken;
import static org.passerelle.identity.accounts.RealKeycloak.choosePassword;
import static org.passerelle.identity.accounts.RealKeycloak.password;

/**
 * Accounts and integration clients as their holders live them, against a real Keycloak: the service validates
 * the tokens Keycloak signs, and what it provisions is checked by asking Keycloak for tokens.
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class KeycloakProvisioningIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Keycloak keycloak;

    @Test
    void aProvisionedCoordinatorSignsInWithTheRoleAndInstitutionThenNoLongerOnceDisabled() throws Exception {
        String admin = adminToken();
        String suffix = suffix();
        String personId = registerPerson(admin, "STAFF", "u-paris.fr", "Éloïse", "D'Aubigné", "eloise.daubigne." + suffix);
        String username = "eloise.daubigne." + suffix;

        Response opened = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("personId", personId, "role", "COORDINATOR", "username", username))
                .when().post("/api/accounts");
        opened.then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("institution", equalTo("u-paris.fr"))
                .body("temporaryPassword", notNullValue());
        String accountId = opened.path("id");
        String temporary = opened.path("temporaryPassword");
        given().auth().oauth2(admin).when().get("/api/accounts/{id}", accountId)
                .then().statusCode(200).body("temporaryPassword", equalTo(null));

        // the temporary password alone does not give a token: the holder must first choose their own
        assertEquals(400, password(username, temporary).statusCode());
        String chosen = "Chosen-" + UUID.randomUUID();
        choosePassword(keycloak, username, chosen);

        Response signedIn = password(username, chosen);
        assertEquals(200, signedIn.statusCode(), signedIn.asString());
        JsonNode claims = claims(accessToken(signedIn));
        assertTrue(roles(claims).contains("coordinator"), () -> "roles: " + roles(claims));
        assertEquals("u-paris.fr", claims.path("institution").asText());
        assertEquals("Éloïse", claims.path("given_name").asText());
        assertEquals("D'Aubigné", claims.path("family_name").asText());

        // the service accepts the token and answers for the coordinator's institution only
        List<String> institutions = given().auth().oauth2(accessToken(signedIn)).queryParam("size", 100)
                .when().get("/api/accounts")
                .then().statusCode(200).extract().path("items.institution");
        assertEquals(List.of("u-paris.fr"), institutions.stream().distinct().toList());

        given().auth().oauth2(admin).when().post("/api/accounts/{id}/disablement", accountId)
                .then().statusCode(200).body("status", equalTo("DISABLED"));
        Response refused = password(username, chosen);
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("invalid_grant", refused.path("error"));
        Response refresh = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token").formParam("client_id", "passerelle-cli")
                .formParam("refresh_token", signedIn.path("refresh_token").toString())
                .when().post(KeycloakResource.tokenUrl());
        assertEquals(400, refresh.statusCode(), "the session ended with the account: " + refresh.asString());
    }

    @Test
    void aStudentAccountIsForAStudentAndTheUsernameIsTakenOnce() {
        String admin = adminToken();
        String suffix = suffix();
        String wangFang = registerPerson(admin, "STUDENT", "sjtu.edu.cn", "Fang", "Wang", "wang.fang." + suffix);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("personId", wangFang, "role", "SUPERVISOR", "username", "wang.fang." + suffix))
                .when().post("/api/accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("personId", wangFang, "role", "STUDENT", "username", "wang.fang." + suffix))
                .when().post("/api/accounts")
                .then().statusCode(201).body("role", equalTo("STUDENT")).body("createdAt", notNullValue());
        String francois = registerPerson(admin, "STUDENT", "univ-lyon1.fr", "François", "Lefèvre-Çelik", "francois." + suffix);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("personId", francois, "role", "STUDENT", "username", "wang.fang." + suffix))
                .when().post("/api/accounts")
                .then().statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:account-exists"))
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void anIntegrationClientsSecretGivesTokensUntilRotatedAndNoneOnceRevoked() throws Exception {
        String admin = adminToken();
        String clientId = "univ-lyon1-nominations-" + suffix();
        Response created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", clientId, "institution", "univ-lyon1.fr"))
                .when().post("/api/integration-clients");
        // createdAt is set by the database and read back: the creation's answer is never null there
        created.then().statusCode(201).body("status", equalTo("ACTIVE")).body("secret", notNullValue())
                .body("createdAt", notNullValue());
        String id = created.path("id");
        String first = created.path("secret");

        Response token = clientCredentials(clientId, first);
        assertEquals(200, token.statusCode(), token.asString());
        JsonNode claims = claims(accessToken(token));
        assertTrue(roles(claims).contains("integration"), () -> "roles: " + roles(claims));
        assertEquals("univ-lyon1.fr", claims.path("institution").asText());
        given().auth().oauth2(accessToken(token)).when().get("/api/institutions").then().statusCode(200);
        given().auth().oauth2(admin).when().get("/api/integration-clients/{id}", id)
                .then().statusCode(200).body("secret", equalTo(null));

        String second = given().auth().oauth2(admin).when().post("/api/integration-clients/{id}/secret-rotation", id)
                .then().statusCode(200).extract().path("secret");
        assertNotEquals(first, second);
        assertEquals(401, clientCredentials(clientId, first).statusCode(), "the old secret no longer works");
        assertEquals(200, clientCredentials(clientId, second).statusCode(), "the new one does");

        given().auth().oauth2(admin).when().post("/api/integration-clients/{id}/revocation", id)
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        assertEquals(401, clientCredentials(clientId, second).statusCode(), "a revoked client gets no token");
        given().auth().oauth2(admin).when().post("/api/integration-clients/{id}/secret-rotation", id)
                .then().statusCode(409).body("type", equalTo("urn:passerelle:problem:integration-client-revoked"));
    }

    // ---------------------------------------------------------------------------------------------------

    private static String registerPerson(String admin, String kind, String institution, String given, String family,
                                         String mailbox) {
        String body = """
                {"kind":"%s","institution":"%s","name":{"given":"%s","family":"%s"},"email":"%s@passerelle.example",
                 "identifiers":[{"scheme":"INE","value":"%d%s"}]}"""
                .formatted(kind, institution, given, family, mailbox,
                        ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999), "ZZ");
        return given().auth().oauth2(admin).contentType("application/json").body(body)
                .when().post("/api/people").then().statusCode(201).extract().path("id");
    }

    private static Response clientCredentials(String clientId, String secret) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when().post(KeycloakResource.tokenUrl());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
