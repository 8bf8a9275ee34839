package org.passerelle.curriculum.records;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.records.TranscriptFlowTest.ANATOMY;
import static org.passerelle.curriculum.records.TranscriptFlowTest.CARDIOLOGY;
import static org.passerelle.curriculum.records.TranscriptFlowTest.SJTU;

/**
 * Transcripts issued and results recognised for many mobilities in one request: a result per row, a refused row
 * losing none of the others, a retried request answered without issuing twice.
 */
@QuarkusTest
class TranscriptBulkTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sjtusmIssuesManyTranscriptsAndLyonRecognisesThemEachRowOnItsOwn() throws Exception {
        String shanghai = TranscriptFlowTest.scale(SJTU, "sjtu.edu.cn", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":100,\"passMark\":60,\"decimals\":1}");
        String lyon = TranscriptFlowTest.scale(LYON1, "univ-lyon1.fr", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":20,\"passMark\":10,\"decimals\":2}");
        table(shanghai, lyon);
        var completed = mobilities(dataSource, 3, "COMPLETED");
        String nominated = mobilities(dataSource, 1, "NOMINATED").get(0);

        String rows = "[" + String.join(",", TranscriptFlowTest.issueBody(completed.get(0), shanghai, "85", "72"),
                TranscriptFlowTest.issueBody(nominated, shanghai, "85", "72"),
                TranscriptFlowTest.issueBody(completed.get(1), shanghai, "91", "55"),
                TranscriptFlowTest.issueBody(completed.get(0), shanghai, "85", "72")) + "]";
        String key = "sjtusm-bulk-" + UUID.randomUUID();
        for (String replayed : List.of("false", "true")) {
            var answer = given().auth().oauth2(SJTU).contentType("application/json").header("Idempotency-Key", key).body(rows)
                    .when().post("/api/transcripts/bulk").then().statusCode(201)
                    .body("recorded", equalTo(2)).body("refused", equalTo(2))
                    .body("rows.outcome", equalTo(List.of("ISSUED", "REFUSED", "ISSUED", "REFUSED")))
                    .body("rows.mobilityId", equalTo(List.of(completed.get(0), nominated, completed.get(1), completed.get(0))))
                    .body("rows[1].problem.type", equalTo("urn:passerelle:problem:mobility-not-completed"))
                    .body("rows[1].problem.errors[0].field", equalTo("mobilityId"))
                    .body("rows[3].problem.type", equalTo("urn:passerelle:problem:transcript-exists"));
            if (replayed.equals("true")) {
                answer.header("Idempotency-Replayed", "true");
            }
        }
        given().auth().oauth2(LYON1).when().get("/api/transcripts/{id}", completed.get(0)).then().statusCode(200)
                .body("versions", hasSize(1));
        given().auth().oauth2(LYON1).when().get("/api/transcripts/{id}", nominated).then().statusCode(404);

        // nothing recorded: 422, still with each row's problem, and the key is free again
        String refusedKey = "sjtusm-bulk-" + UUID.randomUUID();
        given().auth().oauth2(SJTU).contentType("application/json").header("Idempotency-Key", refusedKey)
                .body("[" + TranscriptFlowTest.issueBody(nominated, shanghai, "85", "72") + "]")
                .when().post("/api/transcripts/bulk").then().statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:nothing-recorded"))
                .body("rows[0].problem.type", equalTo("urn:passerelle:problem:mobility-not-completed"));
        // a row that breaks a field rule refuses the whole request
        given().auth().oauth2(SJTU).contentType("application/json")
                .body("[" + TranscriptFlowTest.issueBody(completed.get(2), shanghai, "85", "7 2") + "]")
                .when().post("/api/transcripts/bulk").then().statusCode(400);
        given().auth().oauth2(SJTU).when().get("/api/transcripts/{id}", completed.get(2)).then().statusCode(404);

        String recognitions = completed.stream().map(m -> """
                {"mobilityId":"%s","homeScaleId":"%s","components":[{"sessionId":"%s","homeCourses":["UE 4.2"],"extraCredits":false}]}"""
                .formatted(m, lyon, CARDIOLOGY)).collect(Collectors.joining(",", "[", "]"));
        given().auth().oauth2(LYON1).contentType("application/json").body(recognitions)
                .when().post("/api/transcripts/recognition/bulk").then().statusCode(201)
                .body("rows.outcome", equalTo(List.of("RECOGNISED", "RECOGNISED", "REFUSED")))
                .body("rows[2].problem.type", equalTo("urn:passerelle:problem:no-transcript"));
        given().auth().oauth2(LYON1).when().get("/api/transcripts/{id}/recognition", completed.get(1)).then().statusCode(200)
                .body("components[0].homeGrade", equalTo("16"));
        given().auth().oauth2(SJTU).contentType("application/json").body(recognitions)
                .when().post("/api/transcripts/recognition/bulk").then().statusCode(422)
                .body("rows[0].problem.type", equalTo("urn:passerelle:problem:not-sending-institution"));
        assertEquals(List.of("passerelle.curriculum.TranscriptIssued.v1", "passerelle.curriculum.ResultsRecognised.v1"),
                org.passerelle.curriculum.Outboxes.of(dataSource, completed.get(0)).stream().map(org.passerelle.curriculum.Outboxes.Event::type).toList());
    }

    static void table(String shanghai, String lyon) {
        given().auth().oauth2(LYON1).contentType("application/json").body("""
                {"fromScaleId":"%s","toScaleId":"%s","rows":[{"from":"0","to":"5"},{"from":"60","to":"10"},{"from":"70","to":"12"},
                 {"from":"80","to":"14"},{"from":"90","to":"16"}]}""".formatted(shanghai, lyon))
                .when().post("/api/grade-conversion-tables").then().statusCode(201);
    }

    /**
     * The copies mobility-service's events would leave of Lyon 1 students at SJTUSM, in that status, with an approved
     * learning agreement of two components (cardiology, anatomy).
     */
    static List<String> mobilities(AgroalDataSource dataSource, int count, String status) throws Exception {
        List<String> ids = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var mobility = connection.prepareStatement("""
                     insert into mobility_copy (mobility_id, academic_year, mobility_type, sending_institution, receiving_institution, status)
                     values (?, '2026/2027', 'SUMMER_TRAINING', 'univ-lyon1.fr', 'sjtu.edu.cn', ?)""");
             var component = connection.prepareStatement("""
                     insert into agreed_component (mobility_id, session_id, title, ects, chinese_credits, agreement_version)
                     values (?, ?, 'component', ?, ?, 1)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id.toString());
                mobility.setObject(1, id);
                mobility.setString(2, status);
                mobility.addBatch();
                for (String session : List.of(CARDIOLOGY, ANATOMY)) {
                    component.setObject(1, id);
                    component.setObject(2, UUID.fromString(session));
                    component.setBigDecimal(3, new BigDecimal("6.0"));
                    component.setBigDecimal(4, new BigDecimal("4.0"));
                    component.addBatch();
                }
            }
            mobility.executeBatch();
            component.executeBatch();
        }
        return ids;
    }
}
