package org.passerelle.curriculum.records;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.records.TranscriptFlowTest.SJTU;

/**
 * On demand, not in the suite ({@code -Dtest=TranscriptBenchmarkTest -Dbenchmark=true}): 500 completed mobilities of
 * two components each get their transcript issued by SJTUSM and recognised by Lyon 1 (each grade converted into
 * the French scale by table), one request each, in sequence, through the API. Prints the time of each half.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TranscriptBenchmarkTest {

    static final int MOBILITIES = 500;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void issueAndRecognise500Transcripts() throws Exception {
        String shanghai = TranscriptFlowTest.scale(SJTU, "sjtu.edu.cn", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":100,\"passMark\":60,\"decimals\":1}");
        String lyon = TranscriptFlowTest.scale(LYON1, "univ-lyon1.fr", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":20,\"passMark\":10,\"decimals\":2}");
        given().auth().oauth2(LYON1).contentType("application/json").body("""
                {"fromScaleId":"%s","toScaleId":"%s","rows":[{"from":"0","to":"5"},{"from":"60","to":"10"},{"from":"70","to":"12"},
                 {"from":"80","to":"14"},{"from":"90","to":"16"}]}""".formatted(shanghai, lyon))
                .when().post("/api/grade-conversion-tables").then().statusCode(201);
        List<String> mobilities = completedMobilities();

        long start = System.nanoTime();
        for (String mobility : mobilities) {
            TranscriptFlowTest.issue(SJTU, mobility, shanghai, "85", "72").statusCode(201);
        }
        long issued = System.nanoTime();
        for (String mobility : mobilities) {
            TranscriptFlowTest.recognise(LYON1, mobility, """
                    {"homeScaleId":"%s","components":[{"sessionId":"%s","homeCourses":["UE 4.2"],"extraCredits":false},
                     {"sessionId":"%s","extraCredits":true}]}""".formatted(lyon, TranscriptFlowTest.CARDIOLOGY, TranscriptFlowTest.ANATOMY))
                    .statusCode(201);
        }
        long recognised = System.nanoTime();
        System.out.printf("TranscriptBenchmark: %d transcripts issued in %d ms, recognised (2 grades converted each) in %d ms, %d ms in all%n",
                MOBILITIES, (issued - start) / 1_000_000, (recognised - issued) / 1_000_000, (recognised - start) / 1_000_000);
    }

    /** The copies mobility-service's events would leave: completed, with an approved agreement of two components. */
    private List<String> completedMobilities() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var mobility = connection.prepareStatement("""
                     insert into mobility_copy (mobility_id, academic_year, mobility_type, sending_institution, receiving_institution, status)
                     values (?, '2026/2027', 'SUMMER_TRAINING', 'univ-lyon1.fr', 'sjtu.edu.cn', 'COMPLETED')""");
             var component = connection.prepareStatement("""
                     insert into agreed_component (mobility_id, session_id, title, ects, chinese_credits, agreement_version)
                     values (?, ?, 'component', ?, ?, 1)""")) {
            for (int i = 0; i < MOBILITIES; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id.toString());
                mobility.setObject(1, id);
                mobility.addBatch();
                for (String session : List.of(TranscriptFlowTest.CARDIOLOGY, TranscriptFlowTest.ANATOMY)) {
                    component.setObject(1, id);
                    component.setObject(2, UUID.fromString(session));
                    component.setBigDecimal(3, new java.math.BigDecimal("6.0"));
                    component.setBigDecimal(4, new java.math.BigDecimal("4.0"));
                    component.addBatch();
                }
            }
            mobility.executeBatch();
            component.executeBatch();
        }
        return ids;
    }
}
