package org.passerelle.curriculum.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(19, paths.values().stream().mapToInt(Map::size).sum(), "operations of the API");
    }

    @Test
    void operationsTakingIfMatchOrIdempotencyKeyDocumentWhatTheyAnswerWhenTheHeaderIsWrong() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        int conditional = 0;
        int idempotent = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<?, ?> responses = (Map<?, ?>) operation.getValue().get("responses");
                if (takesHeader(operation.getValue(), "If-Match")) {
                    conditional++;
                    List.of("412", "428").stream().filter(s -> !responses.containsKey(s)).forEach(s -> missing.add(name + " " + s));
                }
                if (takesHeader(operation.getValue(), "Idempotency-Key")) {
                    idempotent++;
                    List.of("409", "422").stream().filter(s -> !responses.containsKey(s)).forEach(s -> missing.add(name + " " + s));
                }
            }
        }
        assertTrue(conditional > 0 && idempotent > 0, "the catalogue's changes take If-Match and its creations Idempotency-Key");
        assertEquals(List.of(), missing);
    }

    private static boolean takesHeader(Map<String, Object> operation, String header) {
        return operation.get("parameters") instanceof List<?> parameters && parameters.stream()
                .anyMatch(p -> p instanceof Map<?, ?> m && "header".equals(m.get("in")) && header.equalsIgnoreCase(String.valueOf(m.get("name"))));
    }
}
