package org.passerelle.mobility.learning;

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

/**
 * The learning agreement operations are documented for the frontend and partners: what they do, answer and look like;
 * and every operation of mobility-service documents what it answers when its If-Match or Idempotency-Key is wrong.
 */
@QuarkusTest
class LearningAgreementOpenApiTest {

    private static final String ROOT = "/api/mobilities/{id}/learning-agreement";

    @Test
    void everyOperationHasASummaryADescriptionItsResponsesAndAnExample() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> operations = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, items) -> items.forEach((method, operation) -> {
            if (!path.startsWith(ROOT) || !(operation.get("responses") instanceof Map<?, ?>)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            operations.add(name);
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            if (operation.get("summary") == null || operation.get("description") == null || !responses.containsKey("404")
                    || !String.valueOf(operation).contains("examples=")) {
                undocumented.add(name);
            }
        }));
        assertEquals(List.of("GET " + ROOT, "POST " + ROOT + "/approvals", "POST " + ROOT + "/proposals", "GET " + ROOT + "/versions",
                        "GET " + ROOT + "/versions/{number}/signed-copy", "POST " + ROOT + "/versions/{number}/signed-copy"),
                operations.stream().sorted(java.util.Comparator.comparing(o -> o.substring(o.indexOf(' ')))).toList());
        assertEquals(List.of(), undocumented);
    }

    @Test
    void operationsTakingIfMatchOrIdempotencyKeyDocumentWhatTheyAnswerWhenTheHeaderIsWrong() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        HeaderAnswers.of(paths).verify("the lifecycle's transitions take If-Match and nominations Idempotency-Key");
    }

    @Test
    void theDocumentSaysWhatTheServiceAnswers() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.of(document).verify("Mobility.statusReason",
                "Mobility.arrivedOn",
                "Mobility.departedOn",
                "Mobility.batchId",
                "MobilityPerson.chineseName",
                "MobilityPerson.ine",
                "MobilityPerson.studentNumber",
                "SeatAnswer.reason",
                "LearningAgreement.inForce",
                "LearningAgreement.pending",
                "LearningAgreementVersion.inForceFrom",
                "LearningAgreementVersion.endedAt",
                "LearningAgreementComponent.ectsPerChineseCredit",
                "LearningAgreementComponent.conversionRuleId");
    }
}
