package org.passerelle.identity.accounts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.passerelle.devstack.testing.FictionalPerson;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.identity.accounts.RealKeycloak.accessToken;
import static org.passerelle.identity.accounts.RealKeycloak.adminToken;
import static org.passerelle.identity.accounts.RealKeycloak.choosePassword;
import static org.passerelle.identity.accounts.RealKeycloak.password;

/**
 * A student with an account, against a real Keycloak: they may ask for their own export (and only theirs); once
 * erased they can no longer sign in, and Keycloak no longer knows their name or email.
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class ErasureInKeycloakIT {

    @Inject
    Keycloak keycloak;

    @Test
    void anErasedStudentCanNoLongerSignInAndKeycloakForgetsTheirNameAndEmail() {
        String admin = adminToken();
        var student = FictionalPerson.random();
        String personId = register(admin, student);
        String other = register(admin, FictionalPerson.random());
        String username = "erasable." + UUID.randomUUID().toString().substring(0, 8);
        String accountId = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("personId", personId, "role", "STUDENT", "username", username))
                .when().post("/api/accounts").then().statusCode(201).extract().path("id");
        String chosen = "Chosen-" + UUID.randomUUID();
        String userId = choosePassword(keycloak, username, chosen);
        String token = accessToken(password(username, chosen));

        // their own export gets past the check of who asks (then no other service runs in this test: 503 names it)
        given().auth().oauth2(token).when().get("/api/people/{id}/export", personId)
                .then().statusCode(503).body("type", equalTo("urn:passerelle:problem:export-incomplete"));
        given().auth().oauth2(token).when().get("/api/people/{id}/export", other)
                .then().statusCode(404).body("type", equalTo("urn:passerelle:problem:not-found"));

        given().auth().oauth2(admin).contentType("application/json").body("{\"reason\":\"Request of the data subject\"}")
                .when().post("/api/people/{id}/erasure", personId).then().statusCode(200);

        Response refused = password(username, chosen);
        assertEquals(400, refused.statusCode(), refused.asString());
        var erased = keycloak.realm("passerelle").users().get(userId).toRepresentation();
        assertFalse(erased.isEnabled());
        assertTrue(erased.getEmail() == null || erased.getEmail().isEmpty(), erased.getEmail());
        assertTrue(erased.getFirstName() == null || erased.getFirstName().isEmpty(), erased.getFirstName());
        assertTrue(erased.getLastName() == null || erased.getLastName().isEmpty(), erased.getLastName());
        given().auth().oauth2(admin).when().get("/api/accounts/{id}", accountId).then().statusCode(404);
    }

    private static String register(String admin, FictionalPerson person) {
        return given().auth().oauth2(admin).contentType("application/json").body(person.identityJson("sjtu.edu.cn"))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
    }
}
