package org.passerelle.agreements.institutions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agreement names known institutions only; identity-service's events make them known. */
@QuarkusTest
class KnownInstitutionsTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String REGISTERED = "passerelle.identity.InstitutionRegistered.v1";

    static String draft(String partner) {
        return """
                {"kind":"RESEARCH_COOPERATION","title":{"fr":"Coopération de recherche","en":"Research cooperation","zh":"科研合作"},
                 "parties":["sjtu.edu.cn","%s"],"firstAcademicYear":"2026/2027","lastAcademicYear":"2028/2029"}""".formatted(partner);
    }

    @Test
    void anUnknownPartyIsRefusedByFieldUntilIdentityServiceRegistersIt() throws Exception {
        String code = "school-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String previous = "former-" + code;
        given().auth().oauth2(ADMIN).contentType("application/json").body(draft(code))
                .when().post("/api/agreements")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors.field", equalTo(List.of("parties[1]")))
                .body("errors[0].reason", equalTo(code + " is no institution known to Passerelle (identity-service registers institutions)"));

        var registered = (ObjectNode) new ObjectMapper().readTree(EventContracts.example(REGISTERED));
        registered.put("institutionId", UUID.randomUUID().toString()).put("schacCode", code);
        registered.putArray("previousSchacCodes").add(previous);
        assertTrue(EventContracts.violations(REGISTERED, registered.toString()).isEmpty());
        TestEvents.send("identity.institution.events", REGISTERED, registered.get("institutionId").asText(), registered.toString());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().auth().oauth2(ADMIN).contentType("application/json").body(draft(code))
                .when().post("/api/agreements").then().extract().statusCode() != 201) {
            assertTrue(System.nanoTime() < deadline, "the registered institution never became known");
            Thread.sleep(200);
        }
        given().auth().oauth2(ADMIN).contentType("application/json").body(draft(previous))
                .when().post("/api/agreements").then().statusCode(201);
    }

    @Test
    void institutionCodesAreComparedCaseSensitively() {
        given().auth().oauth2(ADMIN).contentType("application/json").body(draft("U-Paris.fr"))
                .when().post("/api/agreements")
                .then().statusCode(400).body("errors.field", equalTo(List.of("parties[1]")))
                .body("errors[0].reason", equalTo("U-Paris.fr is no institution known to Passerelle (identity-service registers institutions)"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(draft("u-paris.fr"))
                .when().post("/api/agreements").then().statusCode(201);
    }
}
