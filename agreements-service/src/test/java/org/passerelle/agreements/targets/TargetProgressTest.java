package org.passerelle.agreements.targets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.passerelle.agreements.AcademicYear;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A target's progress, counted from mobility events sent through the real Kafka broker. */
@QuarkusTest
class TargetProgressTest {

    static final String ADMIN = TestTokens.of("admin", "sjtu.edu.cn");
    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String TOPIC = "mobility.mobility.events";
    static final ObjectMapper JSON = new ObjectMapper();

    final String current = AcademicYear.of(LocalDate.now(ZoneId.of("Asia/Shanghai")));

    @Test
    void inboundMobilitiesCountOnceAcceptedAndTheCurrentYearSaysWhetherTheTargetIsOnTrack() throws Exception {
        String lyon = activeAgreement(LYON1, "univ-lyon1.fr");
        // Baseline 3 two years ago, 6 next year: this year needs 3 + ceil(3 x 2/3) = 5.
        String target = createTarget(lyon, AcademicYear.plus(current, -2), 3, AcademicYear.plus(current, 1), 6);

        send("MobilityNominated", "a", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING");
        send("MobilityAccepted", "a", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING");
        send("MobilityStarted", "a", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING");
        send("MobilityNominated", "b", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID");
        send("MobilityAccepted", "b", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID");
        send("MobilityCancelled", "b", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID");
        send("MobilityNominated", "c", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "RESEARCH_LONG");
        send("MobilityAccepted", "d", lyon, "sjtu.edu.cn", "univ-lyon1.fr", "RESEARCH_LONG");      // outbound
        send("MobilityAccepted", "e", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "STAFF_TEACHING");     // not a student
        send("MobilityCompleted", "f", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "BASIC_COURSES");

        var year = awaitYear(target, y -> y.getInt("pending") == 1 && y.getInt("counted") == 2);
        assertEquals(5, year.getInt("expected"));
        assertEquals(1, year.getInt("inProgress"));
        assertEquals(1, year.getInt("completed"));
        assertEquals(1, year.getInt("notCounted"), "the cancelled one");
        assertEquals("BEHIND", year.getString("standing"));

        for (String m : List.of("g", "h", "i")) {
            send("MobilityAccepted", m, lyon, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING");
        }
        awaitYear(target, y -> y.getInt("counted") == 5);
        given().auth().oauth2(LYON1).when().get("/api/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("standing", equalTo("ON_TRACK"))
                .body("assessedYear", equalTo(current))
                .body("years.academicYear", equalTo(List.of(AcademicYear.plus(current, -2), AcademicYear.plus(current, -1),
                        current, AcademicYear.plus(current, 1))))
                .body("years.expected", equalTo(List.of(3, 4, 5, 6)))
                .body("years[3].standing", equalTo("UPCOMING"));
    }

    @Test
    void aTargetThatCountsRecognitionCountsAMobilityOnceItsResultsAreRecognisedAtHomeAndOnlyOnce() throws Exception {
        String lyon = activeAgreement(LYON1, "univ-lyon1.fr");
        // Baseline 0 last year, 4 next year: this year needs 2.
        String body = request(List.of(lyon), "sjtu.edu.cn", AcademicYear.plus(current, -1), AcademicYear.plus(current, 1))
                .replace("\"baselineCount\":30", "\"baselineCount\":0").replace("\"targetCount\":60", "\"targetCount\":4")
                .replace("\"receivingInstitution\"", "\"counts\":\"RECOGNISED\",\"receivingInstitution\"");
        String target = given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/targets").then().statusCode(201).body("counts", equalTo("RECOGNISED")).extract().path("id");

        send("MobilityAccepted", "a", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING");
        send("MobilityCompleted", "b", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "SUMMER_TRAINING");
        send("MobilityCompleted", "c", lyon, "univ-lyon1.fr", "sjtu.edu.cn", "CLINICAL_INTERNSHIP_MID");
        var year = awaitYear(target, y -> y.getInt("completed") == 2);
        assertEquals(0, year.getInt("counted"), "accepted and completed, none recognised yet");
        assertEquals("BEHIND", year.getString("standing"));

        UUID recognitionOfB = recognised("b", lyon, "SUMMER_TRAINING");
        TestEvents.send(TRANSCRIPTS, recognitionOfB, RESULTS_RECOGNISED, mobilities.get("b"), resultsRecognised("b", lyon, "SUMMER_TRAINING"));
        recognised("d", lyon, "BASIC_COURSES");     // recognised before its mobility events arrived
        year = awaitYear(target, y -> y.getInt("recognised") == 2);
        assertEquals(2, year.getInt("counted"), "the recognition sent twice counts once");
        assertEquals(3, year.getInt("completed"), "a recognised mobility is a completed one");
        assertEquals("ON_TRACK", year.getString("standing"));
        given().auth().oauth2(LYON1).when().get("/api/targets/{id}/progress", target).then().statusCode(200)
                .body("counts", equalTo("RECOGNISED"))
                .body("countingRule", org.hamcrest.Matchers.startsWith("A mobility counts in its academic year once the sending"));

        // a target on the same mobilities that counts acceptance is not changed by recognition
        String accepted = createTarget(lyon, AcademicYear.plus(current, -1), 0, AcademicYear.plus(current, 1), 4);
        year = awaitYear(accepted, y -> y.getInt("counted") == 4);
        assertEquals(2, year.getInt("recognised"));
    }

    static final String TRANSCRIPTS = "curriculum.transcript.events";
    static final String RESULTS_RECOGNISED = "passerelle.curriculum.ResultsRecognised.v1";

    /** Sends the ResultsRecognised of a mobility (a letter) through the broker; returns the event's id. */
    private UUID recognised(String mobility, String agreement, String type) throws Exception {
        return TestEvents.send(TRANSCRIPTS, RESULTS_RECOGNISED, mobilities.computeIfAbsent(mobility, m -> UUID.randomUUID().toString()),
                resultsRecognised(mobility, agreement, type));
    }

    private String resultsRecognised(String mobility, String agreement, String type) throws Exception {
        String id = mobilities.computeIfAbsent(mobility, m -> UUID.randomUUID().toString());
        var data = (ObjectNode) JSON.readTree(EventContracts.example(RESULTS_RECOGNISED));
        data.put("mobilityId", id).put("agreementId", agreement).put("academicYear", current)
                .put("sendingInstitution", "univ-lyon1.fr").put("receivingInstitution", "sjtu.edu.cn").put("mobilityType", type);
        assertEquals(List.of(), EventContracts.violations(RESULTS_RECOGNISED, data.toString()));
        return data.toString();
    }

    @Test
    void aTargetNamesRealAgreementsItsInstitutionIsPartyToAndOnlyTheirPartiesSeeIt() {
        String lyon = activeAgreement(LYON1, "univ-lyon1.fr");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(request(List.of(UUID.randomUUID().toString()), "sjtu.edu.cn", "2024/2025", "2027/2028"))
                .when().post("/api/targets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("agreements[0]")));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(request(List.of(lyon), "u-paris.fr", "2027/2028", "2024/2025"))
                .when().post("/api/targets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("targetYear", "agreements[0]")));
        given().auth().oauth2(LYON1).contentType("application/json")
                .body(request(List.of(lyon), "sjtu.edu.cn", "2024/2025", "2027/2028"))
                .when().post("/api/targets").then().statusCode(403);

        String target = createTarget(lyon, "2024/2025", 30, "2027/2028", 60);
        given().auth().oauth2(LYON1).when().get("/api/targets/{id}", target).then().statusCode(200)
                .body("mobilityTypes", hasItem("SUMMER_TRAINING"));
        given().auth().oauth2(PARIS).when().get("/api/targets/{id}/progress", target).then().statusCode(404);
        given().auth().oauth2(PARIS).when().get("/api/targets").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(target)));
        given().auth().oauth2(TestTokens.of("student", "univ-lyon1.fr")).when().get("/api/targets/{id}", target)
                .then().statusCode(403);
    }

    private static String request(List<String> agreements, String receiving, String baselineYear, String targetYear) {
        return """
                {"title":{"fr":"Doubler les étudiants français accueillis","en":"Double the inbound French students",
                          "zh":"接收法国学生人数翻一番"},
                 "agreements":%s,"receivingInstitution":"%s",
                 "baselineYear":"%s","baselineCount":30,"targetYear":"%s","targetCount":60}"""
                .formatted(JSON.valueToTree(agreements), receiving, baselineYear, targetYear);
    }

    static String createTarget(String agreement, String baselineYear, int baseline, String targetYear, int target) {
        String body = request(List.of(agreement), "sjtu.edu.cn", baselineYear, targetYear)
                .replace("\"baselineCount\":30", "\"baselineCount\":" + baseline)
                .replace("\"targetCount\":60", "\"targetCount\":" + target);
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .when().post("/api/targets").then().statusCode(201).extract().path("id");
    }

    /** Mobility ids by letter, so that one test's mobilities are its own. */
    private final Map<String, String> mobilities = new java.util.HashMap<>();

    private void send(String event, String mobility, String agreement, String sending, String receiving, String type) throws Exception {
        String type1 = "passerelle.mobility." + event + ".v1";
        String id = mobilities.computeIfAbsent(mobility, m -> UUID.randomUUID().toString());
        var data = (ObjectNode) JSON.readTree(EventContracts.example(type1));
        data.put("mobilityId", id).put("agreementId", agreement).put("academicYear", current)
                .put("sendingInstitution", sending).put("receivingInstitution", receiving).put("mobilityType", type);
        assertEquals(List.of(), EventContracts.violations(type1, data.toString()));
        TestEvents.send(TOPIC, type1, id, data.toString());
    }

    private JsonPath awaitYear(String target, java.util.function.Predicate<JsonPath> reached) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            String progress = given().auth().oauth2(ADMIN).when().get("/api/targets/{id}/progress", target)
                    .then().statusCode(200).extract().asString();
            var year = new JsonPath(progress).setRootPath("years.find { it.academicYear == '" + current + "' }");
            if (reached.test(year)) {
                return year;
            }
            assertTrue(Instant.now().isBefore(deadline), "progress never reached the expected counts: " + year.prettify());
            Thread.sleep(200);
        }
    }

    static String activeAgreement(String coordinator, String partner) {
        String id = given().auth().oauth2(coordinator).contentType("application/json")
                .body("""
                        {"kind":"BILATERAL_EXCHANGE",
                         "title":{"fr":"Accord SJTUSM - %1$s","en":"SJTUSM - %1$s agreement","zh":"上海交大医学院协议 %1$s"},
                         "parties":["sjtu.edu.cn","%1$s"],"firstAcademicYear":"2024/2025","lastAcademicYear":"2029/2030"}"""
                        .formatted(partner))
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(ADMIN).when().get("/api/agreements/{id}", id).then().extract().header("ETag");
        String hash = given().auth().oauth2(coordinator).header("If-Match", etag).when().post("/api/agreements/{id}/proposal", id)
                .then().statusCode(200).extract().path("contentHash");
        for (String token : List.of(coordinator, ADMIN)) {
            given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                    .when().post("/api/agreements/{id}/approvals", id).then().statusCode(200);
        }
        return id;
    }
}
