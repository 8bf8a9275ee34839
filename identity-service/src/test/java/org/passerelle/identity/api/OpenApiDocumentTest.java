package org.passerelle.identity.api;

import org.passerelle.devstack.testing.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a partner's developer reads first: every operation says what it does, answers and takes, with examples. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummaryADescriptionItsResponsesAndExamplesOfItsBody() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = operation.getValue();
                operations++;
                if (o.path("summary").asText().isBlank()) {
                    gaps.add(name + ": no summary");
                }
                if (o.path("description").asText().isBlank()) {
                    gaps.add(name + ": no description");
                }
                if (!o.path("responses").properties().stream().anyMatch(r -> r.getKey().startsWith("2"))) {
                    gaps.add(name + ": no success response");
                }
                JsonNode body = o.path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode() && body.path("examples").isEmpty()) {
                    gaps.add(name + ": no example of its body");
                }
            }
        }
        assertTrue(operations >= 15, "the document lists the operations: " + operations);
        assertEquals(List.of(), gaps);
    }

    @Test
    void operationsTakingIfMatchOrIdempotencyKeyDocumentWhatTheyAnswerWhenTheHeaderIsWrong() {
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        org.passerelle.devstack.testing.HeaderAnswers.of(paths).verify("changes take If-Match and registrations Idempotency-Key");
    }

    @Test
    void theDocumentSaysWhatTheServiceAnswers() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.of(document).verify("Institution.erasmusCode",
                "Institution.pic",
                "Person.chineseName",
                "Person.dateOfBirth",
                "Person.nationality",
                "PersonIdentifier.issuingCountry",
                "IntegrationClient.secret",
                "IntegrationClient.secretRotatedAt",
                "IntegrationClient.revokedAt",
                "Account.disabledAt",
                "Account.temporaryPassword");
    }
}
