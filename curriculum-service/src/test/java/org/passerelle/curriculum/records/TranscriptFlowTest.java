package org.passerelle.curriculum.records;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.curriculum.Outboxes;
import org.passerelle.devstack.testing.ChangeFeedReader;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.LYON1;
import static org.passerelle.curriculum.Fixtures.PARIS;

/**
 * A Lyon 1 student's summer at SJTUSM, through the API as the two coordinators do it: mobility-service's events make
 * the mobility known and completed, SJTUSM issues and corrects the transcript, Lyon 1 recognises the results with a
 * grade conversion table. Each refusal names its field and leaves nothing written.
 */
@QuarkusTest
class TranscriptFlowTest {

    static final String SJTU = TestTokens.of("coordinator", "sjtu.edu.cn");
    static final String TOPIC = "mobility.mobility.events";
    static final String EXAMPLE_MOBILITY = "9b2f4c1e-6a3d-4e8f-b7c2-1d5e9a0f3b64";
    static final String CARDIOLOGY = "e7d4b2a1-3c5f-4e6a-8b9d-0f1a2c3e4d56";   // 6 ECTS, 4 Chinese credits in the example
    static final String ANATOMY = "0b6f3d2e-9a1c-4e7b-8d5f-2c4a6e8b0d13";      // 4.5 ECTS, 3 Chinese credits

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sjtusmIssuesAndCorrectsTheTranscriptAndLyonRecognisesIt() throws Exception {
        String mobility = UUID.randomUUID().toString();
        var lyonFeed = new ChangeFeedReader(LYON1, "/api/transcripts/changes", "mobilityId");
        var parisFeed = new ChangeFeedReader(PARIS, "/api/transcripts/changes", "mobilityId");
        String lyonCursor = lyonFeed.now();
        String parisCursor = parisFeed.now();
        String shanghaiScale = scale(SJTU, "sjtu.edu.cn", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":100,\"passMark\":60,\"decimals\":1}");
        String lyonScale = scale(LYON1, "univ-lyon1.fr", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":20,\"passMark\":10,\"decimals\":2}");

        send("MobilityNominated", mobility);
        send("LearningAgreementApproved", mobility);
        awaitStatus(mobility, "NOMINATED");
        issue(SJTU, mobility, shanghaiScale, "85", "55").statusCode(409)
                .body("type", equalTo("urn:passerelle:problem:mobility-not-completed")).body("errors[0].field", equalTo("mobilityId"));
        send("MobilityCompleted", mobility);
        awaitStatus(mobility, "COMPLETED");

        // refusals, each naming its field; none writes anything
        issue(LYON1, mobility, lyonScale, "15", "12").statusCode(403)
                .body("type", equalTo("urn:passerelle:problem:not-receiving-institution")).body("errors[0].field", equalTo("mobilityId"));
        issue(PARIS, mobility, shanghaiScale, "85", "55").statusCode(404);
        issue(SJTU, mobility, shanghaiScale, "101", "55").statusCode(400).body("errors[0].field", equalTo("results[0].grade"));
        issue(SJTU, mobility, shanghaiScale, "59.95", "55").statusCode(400).body("errors[0].field", equalTo("results[0].grade"));
        issue(SJTU, mobility, lyonScale, "15", "12").statusCode(400).body("errors[0].field", equalTo("scaleId"));
        given().auth().oauth2(SJTU).contentType("application/json")
                .body(issueBody(mobility, shanghaiScale, "85", "55").replace(ANATOMY, UUID.randomUUID().toString()))
                .when().post("/api/transcripts").then().statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:not-in-learning-agreement")).body("errors[0].field", equalTo("results[1].sessionId"));
        given().auth().oauth2(LYON1).when().get("/api/transcripts/{id}", mobility).then().statusCode(404);
        assertEquals(List.of(), transcriptEvents(mobility));

        // issued: 85 passes with the component's credits, 55 does not and earns none
        issue(SJTU, mobility, shanghaiScale, "85", "55").statusCode(201)
                .body("currentVersion", equalTo(1))
                .body("versions[0].results.find { it.sessionId == '" + CARDIOLOGY + "' }.passed", equalTo(true))
                .body("versions[0].results.find { it.sessionId == '" + CARDIOLOGY + "' }.ectsEarned", equalTo(6.0f))
                .body("versions[0].results.find { it.sessionId == '" + CARDIOLOGY + "' }.chineseCreditsEarned", equalTo(4.0f))
                .body("versions[0].results.find { it.sessionId == '" + ANATOMY + "' }.passed", equalTo(false))
                .body("versions[0].results.find { it.sessionId == '" + ANATOMY + "' }.ectsEarned", equalTo(0.0f));
        issue(SJTU, mobility, shanghaiScale, "85", "55").statusCode(409).body("type", equalTo("urn:passerelle:problem:transcript-exists"));
        var issued = lyonFeed.read(lyonCursor, mobility);
        assertEquals(List.of(1), issued.each("currentVersion"), "the sending side hears of the transcript once");

        // the resit: version 2, with its reason; Lyon sees both versions
        given().auth().oauth2(SJTU).contentType("application/json")
                .body(issueBody(mobility, shanghaiScale, "85", "62").replace("{\"mobilityId\":\"" + mobility + "\",", "{\"reason\":\"Resit passed\","))
                .when().post("/api/transcripts/{id}/corrections", mobility).then().statusCode(200);
        given().auth().oauth2(LYON1).when().get("/api/transcripts/{id}", mobility).then().statusCode(200)
                .body("currentVersion", equalTo(2)).body("versions", hasSize(2))
                .body("versions[0].results.find { it.sessionId == '" + ANATOMY + "' }.grade", equalTo("55"))
                .body("versions[1].correctionReason", equalTo("Resit passed"))
                .body("versions[1].results.find { it.sessionId == '" + ANATOMY + "' }.ectsEarned", equalTo(4.5f));
        var corrected = lyonFeed.read(issued.cursor(), mobility);
        assertEquals(List.of(2), corrected.each("currentVersion"), "a correction comes again");

        // recognition: no way to convert yet, then a table; only Lyon recognises
        String recognition = """
                {"homeScaleId":"%s","components":[
                  {"sessionId":"%s","homeCourses":["UE 4.2 Cardiologie"],"extraCredits":false},
                  {"sessionId":"%s","extraCredits":true}]}""".formatted(lyonScale, CARDIOLOGY, ANATOMY);
        recognise(LYON1, mobility, recognition).statusCode(422).body("type", equalTo("urn:passerelle:problem:no-grade-conversion"));
        given().auth().oauth2(LYON1).contentType("application/json").body("""
                {"fromScaleId":"%s","toScaleId":"%s","rows":[{"from":"0","to":"5"},{"from":"60","to":"10"},{"from":"70","to":"12"},
                 {"from":"80","to":"14"},{"from":"90","to":"16"}]}""".formatted(shanghaiScale, lyonScale))
                .when().post("/api/grade-conversion-tables").then().statusCode(201);
        recognise(SJTU, mobility, recognition).statusCode(403).body("type", equalTo("urn:passerelle:problem:not-sending-institution"));

        // a later learning agreement drops anatomy: recognising it needs a reason
        TestEvents.send(TOPIC, "passerelle.mobility.LearningAgreementApproved.v1", mobility, """
                {"mobilityId":"%s","academicYear":"2026/2027","sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                 "versionNumber":3,"contentHash":"%s","components":[{"sessionId":"%s","title":"Stage clinique en cardiologie",
                 "ects":6.0,"chineseCredits":4.0,"ectsPerChineseCredit":1.5,"given":"CHINESE_CREDITS","conversionRuleId":null}],
                 "approvals":[{"party":"STUDENT","approvedAt":"2027-08-03T08:00:00Z"},{"party":"SENDING_COORDINATOR","approvedAt":"2027-08-03T09:00:00Z"},
                 {"party":"RECEIVING_COORDINATOR","approvedAt":"2027-08-04T02:00:00Z"}],"approvedAt":"2027-08-04T02:00:00Z"}"""
                .formatted(mobility, "a".repeat(64), CARDIOLOGY));
        awaitComponents(mobility, 1);
        recognise(LYON1, mobility, recognition).statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:not-in-learning-agreement"))
                .body("errors[0].field", equalTo("components[1].outsideAgreementReason"));
        assertEquals(List.of("passerelle.curriculum.TranscriptIssued.v1", "passerelle.curriculum.TranscriptCorrected.v1"),
                transcriptEvents(mobility).stream().map(Outboxes.Event::type).toList());

        recognise(LYON1, mobility, recognition.replace("\"extraCredits\":true}", "\"extraCredits\":true,\"outsideAgreementReason\":\"Taken in Shanghai in place of the dropped option\"}"))
                .statusCode(201).body("transcriptVersion", equalTo(2)).body("ects", equalTo(10.5f)).body("chineseCredits", equalTo(7.0f))
                .body("components.find { it.sessionId == '" + CARDIOLOGY + "' }.homeGrade", equalTo("14"))
                .body("components.find { it.sessionId == '" + CARDIOLOGY + "' }.conversion.method", equalTo("TABLE"))
                .body("components.find { it.sessionId == '" + CARDIOLOGY + "' }.conversion.row.from", equalTo("80"))
                .body("components.find { it.sessionId == '" + ANATOMY + "' }.homeGrade", equalTo("10"))
                .body("components.find { it.sessionId == '" + ANATOMY + "' }.outsideAgreementReason", equalTo("Taken in Shanghai in place of the dropped option"));

        given().auth().oauth2(SJTU).when().get("/api/transcripts/{id}/recognition", mobility).then().statusCode(200)
                .body("recognisedBy", equalTo("univ-lyon1.fr"));
        var recognised = new ChangeFeedReader(SJTU, "/api/transcripts/changes", "mobilityId").read(corrected.cursor(), mobility);
        assertEquals(List.of(true), recognised.each("recognised"), "the receiving side hears of the recognition");
        assertEquals(List.of(), lyonFeed.read(lyonFeed.read(corrected.cursor(), mobility).cursor(), mobility).items(), "each change once");
        assertEquals(List.of(), parisFeed.read(parisCursor, mobility).items(), "Paris is not a party");
        given().auth().oauth2(LYON1).accept("text/csv").when().get("/api/transcripts/{id}/recognition", mobility).then().statusCode(200)
                .body(containsString("sessionId;title;grade;homeGrade")).body(containsString(";85;14;TABLE;UE 4.2 Cardiologie;false;6.0;4.0;"));
        given().auth().oauth2(PARIS).when().get("/api/transcripts/{id}/recognition", mobility).then().statusCode(404);

        // the PDF transcript, in Chinese (the title and grades read back from the PDF's text), French, and no other language
        String chinese = pdfText(given().auth().oauth2(LYON1).accept("application/pdf").queryParam("lang", "zh")
                .when().get("/api/transcripts/{id}/recognition", mobility).then().statusCode(200).contentType("application/pdf")
                .header("Content-Language", "zh").extract().asByteArray(), "zh");
        assertTrue(chinese.contains("成绩认定单") && chinese.contains("换算成绩") && chinese.contains("UE 4.2 Cardiologie"), chinese);
        assertTrue(chinese.matches("(?s).*\\b85\\b.*\\b14\\b.*") && chinese.contains("10.5"), chinese);
        String french = pdfText(given().auth().oauth2(LYON1).header("Accept-Language", "fr").accept("application/pdf")
                .when().get("/api/transcripts/{id}/recognition", mobility).then().statusCode(200).extract().asByteArray(), "fr");
        assertTrue(french.contains("Relevé des résultats reconnus") && french.contains("Crédits supplémentaires"), french);
        given().auth().oauth2(LYON1).queryParam("lang", "de").when().get("/api/transcripts/{id}/recognition", mobility)
                .then().statusCode(400).body("errors[0].field", equalTo("lang"));

        var events = transcriptEvents(mobility);
        assertEquals("passerelle.curriculum.ResultsRecognised.v1", events.get(2).type());
        for (var event : events) {
            assertEquals(List.of(), EventContracts.violations(event.type(), event.data()), event.data());
        }
    }

    @Test
    void aGradeConvertsByDistributionWhenBothSidesRecordedTheReferenceGroup() {
        String shanghai = scale(SJTU, "sjtu.edu.cn", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":100,\"passMark\":60,\"decimals\":1}");
        String lyon = scale(LYON1, "univ-lyon1.fr", "{\"kind\":\"NUMERIC\",\"minimum\":0,\"maximum\":20,\"passMark\":10,\"decimals\":2}");
        given().auth().oauth2(SJTU).queryParam("fromScaleId", shanghai).queryParam("toScaleId", lyon).queryParam("grade", "60")
                .when().get("/api/grade-conversions").then().statusCode(422)
                .body("type", equalTo("urn:passerelle:problem:no-grade-conversion")).body("errors[0].field", equalTo("toScaleId"));

        distribution(SJTU, shanghai, "[{\"grade\":\"90\",\"students\":10},{\"grade\":\"85\",\"students\":20},{\"grade\":\"80\",\"students\":30},"
                + "{\"grade\":\"75\",\"students\":20},{\"grade\":\"70\",\"students\":10},{\"grade\":\"60\",\"students\":10}]").statusCode(201);
        distribution(LYON1, shanghai, "[{\"grade\":\"90\",\"students\":1}]").statusCode(403);
        distribution(LYON1, lyon, "[{\"grade\":\"9\",\"students\":1}]").statusCode(400).body("errors[0].field", equalTo("counts[0].grade"));
        distribution(LYON1, lyon, "[{\"grade\":\"16\",\"students\":5},{\"grade\":\"15\",\"students\":10},{\"grade\":\"14\",\"students\":15},"
                + "{\"grade\":\"13\",\"students\":20},{\"grade\":\"12\",\"students\":20},{\"grade\":\"11\",\"students\":15},{\"grade\":\"10\",\"students\":15}]")
                .statusCode(201);

        given().auth().oauth2(LYON1).queryParam("fromScaleId", shanghai).queryParam("toScaleId", lyon).queryParam("grade", "60")
                .when().get("/api/grade-conversions").then().statusCode(200)
                .body("convertedGrade", equalTo("10")).body("method", equalTo("DISTRIBUTION"))
                .body("referenceGroup", equalTo("medicine")).body("midpointPercent", equalTo(95.0f));
        given().auth().oauth2(LYON1).queryParam("fromScaleId", shanghai).queryParam("toScaleId", lyon).queryParam("grade", "59.9")
                .when().get("/api/grade-conversions").then().statusCode(422).body("errors[0].field", equalTo("toScaleId"));
        given().auth().oauth2(LYON1).queryParam("fromScaleId", shanghai).queryParam("toScaleId", lyon).queryParam("grade", "100.5")
                .when().get("/api/grade-conversions").then().statusCode(400).body("errors[0].field", equalTo("grade"));
    }

    @Test
    void theSeedDataHoldsTheFrenchChineseAndEctsScales() {
        given().auth().oauth2(LYON1).queryParam("institution", "univ-lyon1.fr").queryParam("size", 100)
                .when().get("/api/grading-scales").then().statusCode(200)
                .body("items.find { it.code == 'FR-20' }.passMark", equalTo(10.0f))
                .body("items.find { it.code == 'ECTS' }.labels", equalTo(List.of("A", "B", "C", "D", "E", "FX", "F")))
                .body("items.find { it.code == 'ECTS' }.lowestPass", equalTo("E"));
        given().auth().oauth2(LYON1).when().get("/api/grading-scales/00000000-0000-4000-8000-000000000203").then().statusCode(200)
                .body("code", equalTo("CN-100")).body("passMark", equalTo(60.0f));
    }

    /** The text of a PDF as PDFBox extracts it; the PDF is kept in target/ to be looked at. */
    static String pdfText(byte[] pdf, String language) throws Exception {
        java.nio.file.Files.write(java.nio.file.Path.of("target", "recognition-" + language + ".pdf"), pdf);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    /** The transcript events of the mobility (its nomination also asked for seats, which the example's session does not have). */
    List<Outboxes.Event> transcriptEvents(String mobility) throws Exception {
        return Outboxes.of(dataSource, mobility).stream().filter(e -> !e.type().startsWith("passerelle.curriculum.Seats")).toList();
    }

    static ValidatableResponse distribution(String token, String scale, String counts) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"referenceGroup\":\"medicine\",\"counts\":" + counts + "}")
                .when().post("/api/grading-scales/{id}/distributions", scale).then();
    }

    static String scale(String token, String institution, String definition) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return given().auth().oauth2(token).contentType("application/json")
                .body(definition.replace("{", "{\"institution\":\"" + institution + "\",\"code\":\"" + code + "\",\"name\":\"" + code + "\","))
                .when().post("/api/grading-scales").then().statusCode(201).extract().path("id");
    }

    static String issueBody(String mobility, String scale, String cardiology, String anatomy) {
        return """
                {"mobilityId":"%s","scaleId":"%s","results":[
                  {"sessionId":"%s","grade":"%s","assessedOn":"2027-07-28"},
                  {"sessionId":"%s","grade":"%s","assessedOn":"2027-07-29"}]}""".formatted(mobility, scale, CARDIOLOGY, cardiology, ANATOMY, anatomy);
    }

    static ValidatableResponse issue(String token, String mobility, String scale, String cardiology, String anatomy) {
        return given().auth().oauth2(token).contentType("application/json").body(issueBody(mobility, scale, cardiology, anatomy))
                .when().post("/api/transcripts").then();
    }

    static ValidatableResponse recognise(String token, String mobility, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/transcripts/{id}/recognition", mobility).then();
    }

    static void send(String event, String mobility) throws Exception {
        send(event, mobility, s -> s);
    }

    static void send(String event, String mobility, java.util.function.UnaryOperator<String> change) throws Exception {
        String type = "passerelle.mobility." + event + ".v1";
        TestEvents.send(TOPIC, type, mobility, change.apply(EventContracts.example(type).replace(EXAMPLE_MOBILITY, mobility)));
    }

    void awaitStatus(String mobility, String status) throws Exception {
        await(() -> status.equals(single("select status from mobility_copy where mobility_id = '" + mobility + "'")),
                "mobility " + mobility + " never " + status);
    }

    void awaitComponents(String mobility, int count) throws Exception {
        await(() -> String.valueOf(count).equals(single("select count(*) from agreed_component where mobility_id = '" + mobility + "'")),
                "mobility " + mobility + " never had " + count + " agreed components");
    }

    private String single(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition condition, String failure) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(50);
        }
    }
}
