package org.passerelle.agreements.privacy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.PersonalDataScan;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;
import org.passerelle.runtime.privacy.Fingerprints;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * PersonErased through the real broker: the only trace of a person here, their account on the answers stored for
 * their Idempotency-Keys, is gone; the agreement they drafted stays (it is the institutions').
 */
@QuarkusTest
class PersonErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Fingerprints fingerprints;

    @Test
    void theAnswersStoredForAnErasedPersonsRequestsAreForgotten() throws Exception {
        String account = UUID.randomUUID().toString();
        String agreement = given().auth().oauth2(adminWithSubject(account)).contentType("application/json")
                .header("Idempotency-Key", "draft-" + UUID.randomUUID())
                .body("""
                        {"kind":"RESEARCH_COOPERATION","title":{"fr":"Coopération de recherche","en":"Research cooperation","zh":"科研合作"},
                         "parties":["sjtu.edu.cn","univ-lyon1.fr"],"firstAcademicYear":"2026/2027","lastAcademicYear":"2028/2029"}""")
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        assertFalse(scan(account).isEmpty(), "the scan sees the account before the erasure");

        UUID personId = UUID.randomUUID();
        TestEvents.send("identity.person.events", "passerelle.identity.PersonErased.v1", personId.toString(), """
                {"personId":"%s","fingerprints":["%s"],"erasedAt":"2027-09-30T09:00:00Z"}"""
                .formatted(personId, fingerprints.of(Fingerprints.ACCOUNT, account)));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!scan(account).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), scan(account));
        given().auth().oauth2(TestTokens.of("admin", "sjtu.edu.cn")).when().get("/api/agreements/{id}", agreement)
                .then().statusCode(200);
    }

    private static String adminWithSubject(String subject) {
        return Jwt.preferredUserName("admin.sjtu.edu.cn").subject(subject)
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("admin")))
                .claim("institution", "sjtu.edu.cn")
                .jws().keyId("1").sign();
    }

    private List<PersonalDataScan.Finding> scan(String value) throws Exception {
        try (var connection = dataSource.getConnection()) {
            return PersonalDataScan.scan(connection, List.of(value));
        }
    }
}
