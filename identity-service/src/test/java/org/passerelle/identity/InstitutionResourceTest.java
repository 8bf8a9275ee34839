package org.passerelle.identity;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class InstitutionResourceTest {

    @OidcWireMock
    WireMockServer oidcServer;

    private static final String COORDINATOR_LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");

    @Test
    void listsTheFoundingInstitutionsInSchacOrder() {
        List<String> codes = given().auth().oauth2(COORDINATOR_LYON1).queryParam("size", 100)
                .when().get("/api/institutions")
                .then().statusCode(200)
                .body("items.schacCode", hasItems("sjtu.edu.cn", "u-paris.fr", "univ-lyon1.fr",
                        "jmc-school-3.example", "jmc-school-4.example", "jmc-school-5.example"))
                .body("items.find { it.schacCode == 'sjtu.edu.cn' }.name.zh", equalTo("上海交通大学医学院"))
                .body("items.find { it.schacCode == 'univ-lyon1.fr' }.name.fr", equalTo("Université Claude Bernard Lyon 1"))
                .body("items.find { it.schacCode == 'jmc-school-3.example' }.illustrative", equalTo(true))
                .body("items.find { it.schacCode == 'univ-lyon1.fr' }.illustrative", equalTo(false))
                .body("items.find { it.schacCode == 'univ-lyon1.fr' }.illustrativeDetails", equalTo(List.of("erasmusCode")))
                .extract().path("items.schacCode");
        assertEquals(codes.stream().sorted().toList(), codes, "ordered by SCHAC code");
    }

    @Test
    void sjtusmHasRuijinHospitalWithItsDepartments() {
        given().auth().oauth2(COORDINATOR_LYON1)
                .when().get("/api/institutions/0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01")
                .then().statusCode(200)
                .body("units.find { it.kind == 'HOSPITAL' }.name.zh", equalTo("瑞金医院"))
                .body("units.find { it.kind == 'HOSPITAL' }.illustrative", equalTo(false))
                .body("units.find { it.kind == 'HOSPITAL' }.units.kind", everyItem(equalTo("DEPARTMENT")))
                .body("units.find { it.kind == 'HOSPITAL' }.units.size()", greaterThanOrEqualTo(3))
                .body("units.find { it.kind == 'HOSPITAL' }.units.illustrative", everyItem(equalTo(true)));
    }

    @Test
    void filtersByCountryAndPages() {
        int total = given().auth().oauth2(COORDINATOR_LYON1).queryParam("country", "FR").queryParam("size", 1)
                .when().get("/api/institutions")
                .then().statusCode(200).extract().path("totalItems");
        given().auth().oauth2(COORDINATOR_LYON1)
                .queryParam("country", "FR").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/institutions")
                .then().statusCode(200)
                .body("totalPages", equalTo(total))
                .body("items.countryCode", equalTo(List.of("FR")));
        given().auth().oauth2(COORDINATOR_LYON1).queryParam("country", "CN")
                .when().get("/api/institutions")
                .then().statusCode(200)
                .body("items.schacCode", equalTo(List.of("sjtu.edu.cn")));
    }

    @Test
    void getsOneAndAnswersNotFoundAsProblem() {
        given().auth().oauth2(COORDINATOR_LYON1)
                .when().get("/api/institutions/0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02")
                .then().statusCode(200)
                .body("schacCode", equalTo("u-paris.fr"));

        given().auth().oauth2(COORDINATOR_LYON1).header("Accept-Language", "zh-CN")
                .when().get("/api/institutions/7d3c1b5e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:not-found"))
                .body("title", equalTo("未找到"));
    }

    @Test
    void refusesABadCountryAndPageSizeNamingEachField() {
        given().auth().oauth2(COORDINATOR_LYON1).header("Accept-Language", "fr-FR,fr;q=0.9")
                .queryParam("country", "France").queryParam("size", 1000)
                .when().get("/api/institutions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("title", equalTo("Requête invalide"))
                .body("errors.field", hasItems("country", "size"))
                .body("errors.find { it.field == 'country' }.reason", startsWith("doit être un code pays"));
    }

    @Test
    void anonymousCallerGetsUnauthenticatedProblem() {
        given().when().get("/api/institutions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:passerelle:problem:unauthenticated"));
    }

    @Test
    void tokensForAnotherAudienceOrExpiredAreRefused() {
        given().auth().oauth2(TestTokens.forAudience("another-api", "admin", "sjtu.edu.cn"))
                .when().get("/api/institutions")
                .then().statusCode(401)
                .body("type", equalTo("urn:passerelle:problem:unauthenticated"));
        given().auth().oauth2(TestTokens.expired("admin", "sjtu.edu.cn"))
                .when().get("/api/institutions")
                .then().statusCode(401);
    }

    @Test
    void aTokenWithoutAPassereleRoleIsForbidden() {
        given().auth().oauth2(TestTokens.of("visitor", "u-paris.fr"))
                .when().get("/api/institutions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:forbidden"));
    }

    @Test
    void readinessReportsDatabaseKafkaAndIdentityProvider() {
        // the OIDC readiness check sends HEAD to the discovery document, which the test server only serves to GET
        oidcServer.stubFor(WireMock.head(WireMock.urlPathMatching(".*/.well-known/openid-configuration"))
                .willReturn(WireMock.ok()));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database schema", "Kafka connection health check"))
                .body("checks.name", hasItem(startsWith("OIDC")));
    }
}
