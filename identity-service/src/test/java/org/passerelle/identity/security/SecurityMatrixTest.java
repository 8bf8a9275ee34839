package org.passerelle.identity.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.OpenApiMatrix;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.devstack.testing.TokenChecks;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Every operation of the OpenAPI document against every role, a foreign institution and no token. */
@QuarkusTest
class SecurityMatrixTest {

    static final String SJTUSM = "sjtu.edu.cn";
    static final String PARIS = "u-paris.fr";
    /** Not the institution of this test's person. */
    static final String LYON1 = "univ-lyon1.fr";

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationAnswersEachCallerAsItsRolesAndInstitutionAllow() {
        OpenApiMatrix.of(root, SJTUSM, LYON1)
                .ownedBy(PARIS, "/api/people/{id}", studentOfParisCite())
                .notComparedAfterWrites("GET /api/people/{id}/export")   // asks the other services, not running here
                .verify();
    }

    @Test
    void onlyAValidTokenWithAnAllowedRoleIsServed() {
        TokenChecks.against(root.resolve("/api/people")).verify("coordinator", "student", PARIS);
    }

    private static String studentOfParisCite() {
        String ine = ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999) + "CD";
        String body = """
                {"kind":"STUDENT","institution":"u-paris.fr","name":{"given":"Éloïse","family":"D'Aubigné"},
                 "dateOfBirth":"2003-04-17","nationality":"FR","email":"eloise.daubigne@u-paris.example",
                 "identifiers":[{"scheme":"INE","value":"%s"}]}""".formatted(ine);
        return given().auth().oauth2(TestTokens.of("admin", SJTUSM)).contentType("application/json").body(body)
                .when().post("/api/people").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }
}
