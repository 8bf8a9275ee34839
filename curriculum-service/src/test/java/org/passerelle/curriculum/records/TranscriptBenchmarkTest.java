package org.passerelle.curriculum.records;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.records.TranscriptFlowTest.SJTU;

/**
 * On demand, not in the suite ({@code -Dtest=TranscriptBenchmarkTest -Dbenchmark=true}): 500 completed mobilities of
 * two components each get their transcript issued by SJTUSM in one bulk request and recognised by Lyon 1 in another
 * (each grade converted into the French scale by table), through the API. A warm-up round of 50 first, so that the
 * figure is not the first compilation's. Prints the time of each half.
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
        TranscriptBulkTest.table(shanghai, lyon);
        round(TranscriptBulkTest.mobilities(dataSource, 50, "COMPLETED"), shanghai, lyon);
        long[] times = round(TranscriptBulkTest.mobilities(dataSource, MOBILITIES, "COMPLETED"), shanghai, lyon);
        System.out.printf("TranscriptBenchmark: %d transcripts issued in %d ms, recognised (2 grades converted each) in %d ms, %d ms in all%n",
                MOBILITIES, times[0], times[1], times[0] + times[1]);
    }

    /** Issues then recognises the mobilities' transcripts, one bulk request each; the milliseconds of each. */
    private long[] round(List<String> mobilities, String shanghai, String lyon) {
        long start = System.nanoTime();
        given().auth().oauth2(SJTU).contentType("application/json")
                .body(mobilities.stream().map(m -> TranscriptFlowTest.issueBody(m, shanghai, "85", "72")).collect(Collectors.joining(",", "[", "]")))
                .when().post("/api/transcripts/bulk").then().statusCode(201).body("recorded", equalTo(mobilities.size()));
        long issued = System.nanoTime();
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(mobilities.stream().map(m -> """
                        {"mobilityId":"%s","homeScaleId":"%s","components":[{"sessionId":"%s","homeCourses":["UE 4.2"],"extraCredits":false},
                         {"sessionId":"%s","extraCredits":true}]}""".formatted(m, lyon, TranscriptFlowTest.CARDIOLOGY, TranscriptFlowTest.ANATOMY))
                        .collect(Collectors.joining(",", "[", "]")))
                .when().post("/api/transcripts/recognition/bulk").then().statusCode(201).body("recorded", equalTo(mobilities.size()));
        long recognised = System.nanoTime();
        return new long[] {(issued - start) / 1_000_000, (recognised - issued) / 1_000_000};
    }
}
