package org.passerelle.runtime;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Input that once made a service answer 500, or was silently taken for something else: each a 400 naming the field. */
@QuarkusTest
class StrictInputTest {

    static final String PROBLEM = "application/problem+json";
    static final String COORDINATOR = TestTokens.of("coordinator", "u-paris.fr");

    @OidcWireMock
    WireMockServer oidcServer;

    @Test
    void aPageSoFarThatItsOffsetWouldOverflowIsRefusedWithItsLimit() {
        given().auth().oauth2(COORDINATOR).queryParam("page", 2147483646).queryParam("size", 20)
                .when().get("/api/samples")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].reason", startsWith("must be less than or equal to 1000000"));
        given().auth().oauth2(COORDINATOR).queryParam("page", 1_000_000).queryParam("size", 100)
                .when().get("/api/samples")
                .then().statusCode(200);
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingTheParameter() {
        given().auth().oauth2(COORDINATOR).urlEncodingEnabled(false).queryParam("text", "a%00b")
                .when().get("/api/samples")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].reason", startsWith("must not contain control characters"));
        given().auth().oauth2(COORDINATOR).queryParam("text", "Hépato\tcardio")
                .when().get("/api/samples")
                .then().statusCode(200).body("items[0]", equalTo("Hépato\tcardio"));
    }

    @Test
    void aControlCharacterInABodyTextIsRefusedNamingTheField() {
        given().auth().oauth2(COORDINATOR).contentType("application/json").header("Accept-Language", "fr")
                .body("{\"name\":\"Hépato\\u0000\",\"places\":3}")
                .when().post("/api/samples")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].reason", startsWith("ne doit pas contenir de caractères de contrôle"));
        given().auth().oauth2(COORDINATOR).contentType("application/json")
                .body("{\"name\":\"Hépato\\r\\nCardio\",\"places\":3}")
                .when().post("/api/samples")
                .then().statusCode(200).body("name", equalTo("Hépato\r\nCardio"));
    }

    @Test
    void scalarsAreNeverCoercedAcrossTypes() {
        for (String body : new String[] {
                "{\"name\":false,\"places\":3}",          // a boolean is not a text
                "{\"name\":12,\"places\":3}",             // nor is a number
                "{\"name\":\"Hépato\",\"places\":\"3\"}", // a text is not a number
                "{\"name\":\"Hépato\",\"places\":3,\"colour\":0}",  // a number is not an enum
                "{\"name\":\"Hépato\",\"places\":3,\"colour\":\"\"}", // an empty text is not an absent enum
                "{\"name\":\"Hépato\",\"places\":3,\"urgent\":1}"}) {  // a number is not a boolean
            given().auth().oauth2(COORDINATOR).contentType("application/json").body(body)
                    .when().post("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:malformed-request"));
        }
        given().auth().oauth2(COORDINATOR).contentType("application/json")
                .body("{\"name\":\"Hépato\",\"places\":3,\"colour\":\"RED\",\"urgent\":true}")
                .when().post("/api/samples")
                .then().statusCode(200).body("colour", equalTo("RED"));
    }

    @Test
    void optionsAnswersTheMethodsOfTheAddressNotThoseOfItsResourceClass() {
        given().auth().oauth2(COORDINATOR).when().options("/api/samples/conflict")
                .then().statusCode(200).header("Allow", equalTo("GET"));
        given().auth().oauth2(COORDINATOR).when().options("/api/samples")
                .then().statusCode(200).header("Allow", equalTo("GET, POST"));
    }
}
