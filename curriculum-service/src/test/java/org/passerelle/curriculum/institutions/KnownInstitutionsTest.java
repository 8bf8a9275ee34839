package org.passerelle.curriculum.institutions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller acts for an institution identity-service registered; its events, not a call to it, make them known. */
@QuarkusTest
class KnownInstitutionsTest {

    static final String REGISTERED = "passerelle.identity.InstitutionRegistered.v1";

    @Test
    void aTokenOfAnInstitutionIsRefusedUntilIdentityServiceRegistersIt() throws Exception {
        String code = "school-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String previous = "former-" + code;
        given().auth().oauth2(TestTokens.of("student", code)).header("Accept-Language", "fr-FR")
                .when().get("/api/catalogue")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:unknown-institution"))
                .body("title", equalTo("Établissement inconnu"));
        given().auth().oauth2(TestTokens.withoutInstitution("student"))
                .when().get("/api/catalogue")
                .then().statusCode(403).body("type", equalTo("urn:passerelle:problem:unknown-institution"));

        var registered = (ObjectNode) new ObjectMapper().readTree(EventContracts.example(REGISTERED));
        registered.put("institutionId", UUID.randomUUID().toString()).put("schacCode", code);
        registered.putArray("previousSchacCodes").add(previous);
        assertTrue(EventContracts.violations(REGISTERED, registered.toString()).isEmpty());
        TestEvents.send("identity.institution.events", REGISTERED, registered.get("institutionId").asText(), registered.toString());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().auth().oauth2(TestTokens.of("student", code)).when().get("/api/catalogue").then().extract().statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "the registered institution never became known");
            Thread.sleep(200);
        }
        given().auth().oauth2(TestTokens.of("student", previous)).when().get("/api/catalogue").then().statusCode(200);
    }

    @Test
    void theInternationalOfficeIsServedWithoutAnInstitution() {
        given().auth().oauth2(TestTokens.withoutInstitution("admin")).when().get("/api/catalogue").then().statusCode(200);
    }
}
