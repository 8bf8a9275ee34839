package org.passerelle.runtime;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** What every Passerelle service answers, whatever its domain: errors, security, health, docs, metrics. */
@QuarkusTest
class SharedAnswersTest {

    static final String PROBLEM = "application/problem+json";
    static final String COORDINATOR = TestTokens.of("coordinator", "u-paris.fr");

    @OidcWireMock
    WireMockServer oidcServer;

    @org.junit.jupiter.api.BeforeAll
    static void showFailedExchanges() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Nested
    class Security {

        @Test
        void noTokenIsUnauthenticatedWithABearerChallenge() {
            given().when().get("/api/samples")
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:passerelle:problem:unauthenticated"))
                    .body("status", equalTo(401))
                    .body("instance", equalTo("/api/samples"));
        }

        @Test
        void wrongAudienceOtherIssuerBadSignatureAndExpiredTokensAreUnauthenticated() {
            for (String token : new String[] {
                    TestTokens.forAudience("account", "coordinator", "u-paris.fr"),
                    TestTokens.fromIssuer("http://127.0.0.1:8180/realms/other", "coordinator", "u-paris.fr"),
                    TestTokens.withBadSignature("coordinator", "u-paris.fr"),
                    TestTokens.expired("coordinator", "u-paris.fr")}) {
                given().auth().oauth2(token).when().get("/api/samples")
                        .then().statusCode(401).contentType(PROBLEM)
                        .body("type", equalTo("urn:passerelle:problem:unauthenticated"));
            }
        }

        @Test
        void aValidTokenWithoutTheRoleIsForbidden() {
            given().auth().oauth2(TestTokens.of("student", "u-paris.fr")).when().get("/api/samples")
                    .then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:forbidden"));
        }

        @Test
        void aTokenOfNoKnownInstitutionIsRefusedBeforeTheOperation() {
            for (String token : new String[] {TestTokens.withoutInstitution("coordinator"),
                    TestTokens.of("coordinator", "nowhere.example"), TestTokens.of("coordinator", "")}) {
                given().auth().oauth2(token).header("Accept-Language", "fr-FR").when().get("/api/samples")
                        .then().statusCode(403).contentType(PROBLEM)
                        .body("type", equalTo("urn:passerelle:problem:unknown-institution"))
                        .body("title", equalTo("Établissement inconnu"));
            }
        }

        @Test
        void theInternationalOfficeNeedsNoInstitution() {
            given().auth().oauth2(TestTokens.withoutInstitution("admin")).when().get("/api/samples")
                    .then().statusCode(200);
        }

        @Test
        void healthAndDocumentationStayOpenToAnyToken() {
            given().auth().oauth2(TestTokens.of("coordinator", "nowhere.example")).when().get("/q/openapi")
                    .then().statusCode(200);
            given().auth().oauth2(TestTokens.withoutInstitution("student")).when().get("/q/health/live")
                    .then().statusCode(200);
        }

        @Test
        void aValidTokenWithTheRoleIsServed() {
            given().auth().oauth2(COORDINATOR).when().get("/api/samples")
                    .then().statusCode(200).body("items", hasSize(1));
        }
    }

    @Nested
    class BadInput {

        @Test
        void eachInvalidFieldOfTheBodyIsNamedWithItsReason() {
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .body("{\"name\":\" \",\"places\":0,\"parts\":[{\"isced\":\"091\"}]}")
                    .when().post("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:validation"))
                    .body("detail", equalTo("3 fields are invalid; see errors."))
                    .body("errors.field", hasItems("name", "places", "parts[0].isced"))
                    .body("errors.find { it.field == 'places' }.reason", equalTo("must be greater than or equal to 1"));
        }

        @Test
        void aMissingBodyIsAValidationError() {
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .when().post("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:validation"));
        }

        @Test
        void unreadableJsonIsMalformed() {
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .body("{\"name\" \"Hépato\"}")
                    .when().post("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:malformed-request"))
                    .body("errors[0].field", equalTo("$"));
        }

        @Test
        void aValueOfTheWrongTypeNamesItsField() {
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .body("{\"name\":\"Hépato\",\"places\":\"many\"}")
                    .when().post("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:malformed-request"))
                    .body("errors[0].field", equalTo("places"));
            given().auth().oauth2(COORDINATOR).contentType("application/json")
                    .body("{\"name\":\"Hépato\",\"places\":3,\"startsOn\":\"2025-13-45\"}")
                    .when().post("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("startsOn"));
        }

        @Test
        void pagingOutsideItsBoundsNamesTheParameters() {
            given().auth().oauth2(COORDINATOR).queryParam("page", -1).queryParam("size", 101)
                    .when().get("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItems("page", "size"));
        }

        @Test
        void aQueryParameterOfTheWrongTypeNamesItselfAndWhatItAccepts() {
            given().auth().oauth2(COORDINATOR).queryParam("size", "ten")
                    .when().get("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:validation"))
                    .body("errors[0].field", equalTo("size"))
                    .body("errors[0].reason", equalTo("must be a whole number"));
            given().auth().oauth2(COORDINATOR).queryParam("colour", "BLUE").header("Accept-Language", "fr")
                    .when().get("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("colour"))
                    .body("errors[0].reason", equalTo("doit valoir l'une des valeurs RED, GREEN"));
            given().auth().oauth2(COORDINATOR).queryParam("colour", "GREEN")
                    .when().get("/api/samples")
                    .then().statusCode(200).body("items[0]", equalTo("GREEN"));
        }

        @Test
        void wrongMethodMediaTypeAndAcceptAreProblems() {
            given().auth().oauth2(COORDINATOR).when().delete("/api/samples")
                    .then().statusCode(405).contentType(PROBLEM)
                    .header("Allow", allOf(containsString("GET"), containsString("POST")))
                    .body("type", equalTo("urn:passerelle:problem:method-not-allowed"));
            given().auth().oauth2(COORDINATOR).contentType("text/plain").body("hello")
                    .when().post("/api/samples")
                    .then().statusCode(415).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:unsupported-media-type"));
            given().auth().oauth2(COORDINATOR).accept("application/xml")
                    .when().get("/api/samples")
                    .then().statusCode(406).contentType(PROBLEM)
                    .body(containsString("urn:passerelle:problem:not-acceptable"));
        }

        @Test
        void unsupportedMediaTypeAndNotAcceptableAreInTheCallersLanguage() {
            given().auth().oauth2(COORDINATOR).header("Accept-Language", "zh-CN").contentType("text/csv").body("a,b")
                    .when().post("/api/samples")
                    .then().statusCode(415).contentType(PROBLEM).header("Content-Language", "zh")
                    .body("title", equalTo("不支持的媒体类型"));
            given().auth().oauth2(COORDINATOR).header("Accept-Language", "fr-CA").accept("text/html")
                    .when().get("/api/samples")
                    .then().statusCode(406).contentType(PROBLEM).header("Content-Language", "fr")
                    .body("title", equalTo("Format non disponible"));
        }

        @Test
        void aBodyOverTheLimitIsAProblemNamingTheLimit() {
            String large = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"places\":1}";
            given().auth().oauth2(COORDINATOR).contentType("application/json").body(large)
                    .when().post("/api/samples")
                    .then().statusCode(413).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:payload-too-large"))
                    .body("detail", equalTo("The request body is larger than the limit of 65,536 bytes."))
                    .body("instance", equalTo("/api/samples"));
            given().auth().oauth2(COORDINATOR).header("Accept-Language", "fr-FR, en;q=0.5")
                    .contentType("application/json").body(large)
                    .when().post("/api/samples")
                    .then().statusCode(413).contentType(PROBLEM).header("Content-Language", "fr")
                    .body("title", equalTo("Requête trop volumineuse"));
        }

        @Test
        void anAddressOrHeadersOverTheLimitAreProblemsNamingTheLimit() {
            given().auth().oauth2(COORDINATOR).header("Accept-Language", "fr")
                    .queryParam("text", "x".repeat(5000))
                    .when().get("/api/samples")
                    .then().statusCode(414).contentType(PROBLEM).header("Content-Language", "fr")
                    .body("type", equalTo("urn:passerelle:problem:uri-too-long"))
                    .body("detail", containsString("4"))
                    .body("instance", equalTo("/api/samples"));
            given().auth().oauth2(COORDINATOR).header("X-Padding", "x".repeat(21 * 1024))
                    .when().get("/api/samples")
                    .then().statusCode(431).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:headers-too-large"))
                    .body("detail", equalTo("The request headers are larger than the limit of 20,480 bytes."));
        }

        @Test
        void aQueryParameterTheOperationDoesNotTakeIsNamed() {
            given().auth().oauth2(COORDINATOR).queryParam("colur", "RED").queryParam("size", 5)
                    .when().get("/api/samples")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:validation"))
                    .body("errors.field", org.hamcrest.Matchers.contains("colur"))
                    .body("errors[0].reason", equalTo("is not a parameter of this operation; it takes: colour, page, size, text"));
            given().auth().oauth2(COORDINATOR).queryParam("page", 0)
                    .when().get("/api/samples/conflict")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("page"));
            given().auth().oauth2(COORDINATOR).queryParam("colour", "RED").queryParam("page", 0).queryParam("size", 5)
                    .when().get("/api/samples")
                    .then().statusCode(200);
        }

        @Test
        void anUnknownPathIsAProblemEvenForABrowser() {
            given().accept("text/html").when().get("/api/nothing-here")
                    .then().statusCode(404)
                    .body(not(containsString("<html")))
                    .body(containsString("urn:passerelle:problem:not-found"));
        }
    }

    @Nested
    class Languages {

        @Test
        void titleAndDetailFollowAcceptLanguage() {
            given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").when().get("/api/samples")
                    .then().statusCode(401).header("Content-Language", "fr")
                    .body("title", equalTo("Authentification requise"));
            given().header("Accept-Language", "zh-CN,zh;q=0.9").when().get("/api/samples")
                    .then().statusCode(401).header("Content-Language", "zh")
                    .body("title", equalTo("需要身份验证"));
            given().header("Accept-Language", "de-DE, en;q=0.1").when().get("/api/samples")
                    .then().statusCode(401).body("title", equalTo("Authentication required"));
            given().header("Accept-Language", ";;;q=abc").when().get("/api/samples")
                    .then().statusCode(401).body("title", equalTo("Authentication required"));
        }

        @Test
        void regionalTagsAndQualityValuesChooseTheLanguageOfEveryMessage() {
            String[][] cases = {
                    {"fr-FR", "fr", "Requête invalide", "doit être supérieur ou égal à 1"},
                    {"fr-CA", "fr", "Requête invalide", "doit être supérieur ou égal à 1"},
                    {"zh-CN", "zh", null, null},
                    {"zh-Hans", "zh", null, null},
                    {"en-GB", "en", "Invalid request", "must be greater than or equal to 1"},
                    {"en;q=0.5, zh;q=0.9", "zh", null, null},
                    {"fr-FR, en;q=0.5", "fr", "Requête invalide", "doit être supérieur ou égal à 1"},
                    {"de-DE, en;q=0.1", "en", "Invalid request", "must be greater than or equal to 1"}};
            String chineseTitle = given().header("Accept-Language", "zh").auth().oauth2(COORDINATOR)
                    .contentType("application/json").body("{\"name\":\"a\",\"places\":0}")
                    .when().post("/api/samples").then().statusCode(400).extract().path("title");
            String chineseReason = given().header("Accept-Language", "zh").auth().oauth2(COORDINATOR)
                    .contentType("application/json").body("{\"name\":\"a\",\"places\":0}")
                    .when().post("/api/samples").then().statusCode(400).extract().path("errors[0].reason");
            org.junit.jupiter.api.Assertions.assertEquals("必须大于或等于1", chineseReason.replaceAll("[^0-9\\p{IsHan}]", ""),
                    "the Chinese reason itself: " + chineseReason);
            for (String[] c : cases) {
                given().auth().oauth2(COORDINATOR).header("Accept-Language", c[0])
                        .contentType("application/json").body("{\"name\":\"a\",\"places\":0}")
                        .when().post("/api/samples")
                        .then().statusCode(400).header("Content-Language", c[1])
                        .body("title", equalTo(c[2] == null ? chineseTitle : c[2]))
                        .body("errors[0].reason", equalTo(c[3] == null ? chineseReason : c[3]));
            }
        }

        @Test
        void validationReasonsAreTranslatedToo() {
            given().auth().oauth2(COORDINATOR).header("Accept-Language", "fr")
                    .contentType("application/json").body("{\"name\":\"D'Aubigné\",\"places\":0}")
                    .when().post("/api/samples")
                    .then().statusCode(400)
                    .body("detail", equalTo("1 champ est invalide ; voir errors."))
                    .body("errors[0].reason", equalTo("doit être supérieur ou égal à 1"));
        }
    }

    @Nested
    class Failures {

        @Test
        void aDomainRefusalKeepsItsType() {
            given().auth().oauth2(COORDINATOR).when().get("/api/samples/conflict")
                    .then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:conflict"));
        }

        @Test
        void aBugAnswersAReferenceAndNeverTheStackTraceOrItsMessage() {
            given().auth().oauth2(COORDINATOR).when().get("/api/samples/broken")
                    .then().statusCode(500).contentType(PROBLEM)
                    .body("type", equalTo("urn:passerelle:problem:internal"))
                    .body("reference", matchesPattern("[0-9a-f]{8}"))
                    .body(not(containsString("IllegalStateException")))
                    .body(not(containsString("jdbc:postgresql")))
                    .body(not(containsString("at org.passerelle")));
        }
    }

    @Nested
    class Operations {

        @Test
        void readinessReportsTheDatabaseSchemaKafkaAndTheIdentityProvider() {
            oidcServer.stubFor(WireMock.head(WireMock.urlPathMatching(".*/.well-known/openid-configuration"))
                    .willReturn(WireMock.ok()));
            given().when().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems("Database schema", "Kafka connection health check",
                            "OIDC Provider Health Check"));
        }

        @Test
        void openApiDocumentsTheProblemAnswers() {
            given().queryParam("format", "json").when().get("/q/openapi")
                    .then().statusCode(200)
                    .body("components.schemas.Problem", notNullValue())
                    .body("paths.'/api/samples'.get.responses.'401'.content.'application/problem+json'", notNullValue())
                    .body("paths.'/api/samples'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                    .body("paths.'/api/samples'.post.responses.'413'.description", containsString("payload-too-large"))
                    .body("paths.'/api/samples'.post.responses.'415'.content.'application/problem+json'", notNullValue())
                    .body("paths.'/api/samples'.get.responses.'406'.content.'application/problem+json'", notNullValue())
                    .body("paths.'/api/samples'.get.responses.'403'.description", containsString("unknown-institution"))
                    .body("paths.'/api/samples'.get.responses", not(org.hamcrest.Matchers.hasKey("413")))
                    .body("paths.'/api/samples'.get.responses", org.hamcrest.Matchers.hasKey("414"))
                    .body("paths.'/api/samples'.get.responses", org.hamcrest.Matchers.hasKey("431"))
                    .body("paths.'/api/samples'.get.responses", not(org.hamcrest.Matchers.hasKey("404")))
                    .body("components.schemas.Problem.properties.instance.format", equalTo("uri-reference"));
        }

        @Test
        void openApiSaysOnceWhatAConditionalWriteAndAnOperationOnAnIdAnswer() {
            given().queryParam("format", "json").when().get("/q/openapi")
                    .then().statusCode(200)
                    .body("paths.'/api/samples/{id}'.put.parameters.find { it.name == 'If-Match' }.required", equalTo(true))
                    .body("paths.'/api/samples/{id}'.put.responses", org.hamcrest.Matchers.hasKey("404"))
                    .body("paths.'/api/samples/{id}'.put.responses", org.hamcrest.Matchers.hasKey("412"))
                    .body("paths.'/api/samples/{id}'.put.responses.'428'.content.'application/problem+json'", notNullValue())
                    .body("paths.'/api/samples/{id}'.put.parameters.find { it.name == 'country' }.schema.pattern",
                            equalTo("^(?:[A-Z]{2}|ZZZ)$"));
            given().when().get("/q/swagger-ui/").then().statusCode(200);
        }

        @Test
        void metricsArePrometheusText() {
            given().auth().oauth2(COORDINATOR).when().get("/api/samples").then().statusCode(200);
            given().accept("text/plain").when().get("/q/metrics")
                    .then().statusCode(200)
                    .contentType(startsWith("text/plain"))
                    .body(containsString("http_server_requests_seconds_count{"))
                    .body(containsString("uri=\"/api/samples\""));
        }

        @Test
        void corsAllowsTheFrontendOriginOnly() {
            given().header("Origin", "http://localhost:5173")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                    .when().options("/api/samples")
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", "http://localhost:5173");
            given().header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "POST")
                    .when().options("/api/samples")
                    .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        }
    }
}
