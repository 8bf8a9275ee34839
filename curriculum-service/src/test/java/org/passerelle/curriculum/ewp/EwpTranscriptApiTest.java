package org.passerelle.curriculum.ewp;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.Fixtures.PARIS;

/** A transcript of records in EWP's form over HTTP: valid, for the two sides only, and in the index once issued. */
@QuarkusTest
class EwpTranscriptApiTest {

    static final String SJTU = TestTokens.of("coordinator", "sjtu.edu.cn");
    static final String EXAMPLE_MOBILITY = "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64";
    static final String CARDIOLOGY = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56";
    static final String ANATOMY = "0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anIssuedTranscriptIsAToRForBothSidesAndInTheIndex() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String mobility = UUID.randomUUID().toString();
        for (String event : List.of("MobilityNominated", "LearningAgreementApproved", "MobilityCompleted")) {
            String type = "passerelle.mobility." + event + ".v1";
            TestEvents.send("mobility.mobility.events", type, mobility, EventContracts.example(type).replace(EXAMPLE_MOBILITY, mobility));
        }
        awaitCompleted(mobility);
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String scale = given().auth().oauth2(SJTU).contentType("application/json").body("""
                        {"institution":"sjtu.edu.cn","code":"%s","name":"%s","kind":"NUMERIC","minimum":0,"maximum":100,"passMark":60,"decimals":1}"""
                        .formatted(code, code))
                .when().post("/api/grading-scales").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SJTU).contentType("application/json").body("""
                        {"mobilityId":"%s","scaleId":"%s","results":[
                          {"sessionId":"%s","grade":"85","assessedOn":"2027-07-28"},
                          {"sessionId":"%s","grade":"55","assessedOn":"2027-07-29"}]}""".formatted(mobility, scale, CARDIOLOGY, ANATOMY))
                .when().post("/api/transcripts").then().statusCode(201);

        byte[] xml = given().auth().oauth2(LYON1).when().get("/api/ewp/imobility-tors/{id}", mobility)
                .then().statusCode(200).contentType("application/xml").extract().asByteArray();
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.TORS_GET), new String(xml));
        var doc = EwpSchemaCopies.parse(xml);
        assertEquals(List.of("55", "85"), EwpSchemaCopies.texts(doc, "resultLabel"));   // by session: anatomy, cardiology
        assertEquals(List.of("failed", "passed"), EwpSchemaCopies.texts(doc, "status"));

        given().auth().oauth2(PARIS).when().get("/api/ewp/imobility-tors/{id}", mobility).then().statusCode(404);
        assertTrue(index(LYON1, before).contains(mobility));
        assertFalse(index(PARIS, before).contains(mobility));
        assertFalse(index(SJTU, Instant.now().plusSeconds(60)).contains(mobility));
    }

    private static List<String> index(String token, Instant since) throws Exception {
        byte[] xml = given().auth().oauth2(token).queryParam("modified_since", since.toString())
                .when().get("/api/ewp/imobility-tors").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), EwpSchemaCopies.errors(xml, EwpSchemaCopies.TORS_INDEX));
        return EwpSchemaCopies.texts(EwpSchemaCopies.parse(xml), "omobility-id");
    }

    private void awaitCompleted(String mobility) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(
                    "select 1 from mobility_copy m where m.mobility_id = cast(? as uuid) and m.status = 'COMPLETED'"
                            + " and exists (select 1 from agreed_component a where a.mobility_id = m.mobility_id)")) {
                statement.setString(1, mobility);
                if (statement.executeQuery().next()) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "mobility " + mobility + " never completed with its components");
            Thread.sleep(50);
        }
    }
}
