package org.passerelle.identity.accounts;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tests against a real Keycloak: tokens it signs, accounts and clients provisioned in it. Its helpers sign in as
 * people do, through the command-line client's password grant, and act as the holder of an account would.
 */
public class RealKeycloak implements QuarkusTestProfile {

    static final String DEMO_PASSWORD = System.getenv().getOrDefault("PASSERELLE_DEMO_PASSWORD", "demo-only-password");

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }

    /** A token of the demo realm's international office (admin). */
    static String adminToken() {
        return accessToken(password("admin.sjtusm", DEMO_PASSWORD));
    }

    /** Keycloak's answer to signing in with this username and password. */
    static Response password(String username, String password) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "passerelle-cli")
                .formParam("username", username).formParam("password", password)
                .when().post(KeycloakResource.tokenUrl());
    }

    /** The access token of a grant that must have succeeded. */
    static String accessToken(Response tokenResponse) {
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.asString());
        return tokenResponse.path("access_token");
    }

    /**
     * What the holder does at the first login: replaces the temporary password by their own. Returns the user's id
     * in Keycloak.
     */
    static String choosePassword(Keycloak keycloak, String username, String chosen) {
        var users = keycloak.realm("passerelle").users();
        String userId = users.searchByUsername(username, true).get(0).getId();
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(chosen);
        credential.setTemporary(false);
        users.get(userId).resetPassword(credential);
        return userId;
    }
}
