package org.passerelle.curriculum.api;

import org.passerelle.devstack.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.HeaderAnswers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every operation of the API is documented for the frontend and partners. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryADescriptionAndItsResponses() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("summary") == null || operation.get("description") == null
                    || !(operation.get("responses") instanceof Map<?, ?> responses) || responses.isEmpty()) {
                undocumented.add(method.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), undocumented);
        assertEquals(41, paths.values().stream().mapToInt(Map::size).sum(), "operations of the API");
    }

    @Test
    void operationsTakingIfMatchOrIdempotencyKeyDocumentWhatTheyAnswerWhenTheHeaderIsWrong() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        HeaderAnswers.of(paths).verify("the catalogue's changes take If-Match and its creations Idempotency-Key");
    }

    @Test
    void theDocumentSaysWhatTheServiceAnswers() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.of(document).verify("Credits.ectsPerChineseCredit",
                "Credits.conversionRuleId");
    }
}
