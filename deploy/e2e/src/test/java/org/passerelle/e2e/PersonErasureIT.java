package org.passerelle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.ServiceSpec;
import org.passerelle.devstack.testing.FictionalPerson;
import org.passerelle.devstack.testing.PersonalDataScan;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.e2e.PlatformClient.field;
import static org.passerelle.e2e.PlatformClient.get;
import static org.passerelle.e2e.PlatformClient.post;

/**
 * A student is registered, nominated by Lyon 1 (once naming their identity-service id, once only by email and INE)
 * and given a seat by curriculum-service, all through the running platform; the international office erases them.
 * Once the events settle, none of the four databases holds their names, email or identifiers, and every count
 * (quota places, seats, statistics) is what it was. Before, their export gathers every service's
 * part, and the audit log shows who read their data in identity-, mobility- and curriculum-service. On the shared
 * platform, with an agreement, a session and a person of its own; the counts compared are taken in this test.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
class PersonErasureIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;

    @BeforeAll
    static void useThePlatform(Platform shared) {
        platform = shared;
    }

    @Test
    void anErasedStudentLeavesNoTraceInAnyDatabaseAndEveryCountStays() throws Exception {
        String admin = platform.token("admin.sjtusm");
        String lyon = platform.token("coordinator.univ-lyon1");
        var person = FictionalPerson.random();

        var registered = post(service("identity-service"), "/api/people", admin, person.identityJson("univ-lyon1.fr"));
        assertEquals(201, registered.statusCode(), registered.body());
        String personId = field(registered.body(), "id");
        String agreement = activeAgreement(lyon, admin);
        String condition = JSON.readTree(get(service("agreements-service"), "/api/agreements/" + agreement, admin).body())
                .findValue("conditions").get(0).get("id").asText();
        String session = openSession(admin);
        await("mobility-service has the agreement", () -> get(service("mobility-service"),
                "/api/mobilities/agreements?party=univ-lyon1.fr&size=100", lyon).body().contains(agreement));

        String linked = nominate(lyon, agreement, condition, "2026/2027", person, personId, session);
        String unlinked = nominate(lyon, agreement, condition, "2027/2028", person, null, null);
        await("curriculum-service holds the seat", () -> mobility(admin, linked).at("/sessions/0/seat").asText().equals("HELD"));
        String statisticsBefore = get(service("mobility-service"), "/api/statistics/mobilities?partner=univ-lyon1.fr", admin).body();
        Map<String, List<PersonalDataScan.Finding>> before = scanAll(person.values());
        assertFalse(before.get("identity").isEmpty() || before.get("mobility").isEmpty(), "the scan sees the student first: " + before);
        assertFalse(scanAll(List.of(personId)).get("curriculum").isEmpty(), "curriculum-service holds the seat for the person");

        var export = get(service("identity-service"), "/api/people/" + personId + "/export", admin);
        assertEquals(200, export.statusCode(), export.body());
        JsonNode document = JSON.readTree(export.body());
        assertEquals(person.email(), document.at("/identity-service/person/email").asText());
        List<String> exported = new ArrayList<>();
        document.at("/mobility-service/mobilities").forEach(m -> exported.add(m.get("id").asText()));
        assertEquals(List.of(linked, unlinked), exported, "both mobilities, also the one nominated without the person id");
        assertEquals(session, document.at("/curriculum-service/seats/0/sessionId").asText());
        assertTrue(document.has("agreements-service"), export.body());

        await("the audit log shows the export and mobility-service's reads of the student", () -> {
            String log = get(service("identity-service"), "/api/audit-log?size=100&personId=" + personId, admin).body();
            return log.contains("GET /api/people/{id}/export") && log.contains("\"mobility-service\"")
                    && log.contains("\"curriculum-service\"");
        });

        var erased = post(service("identity-service"), "/api/people/" + personId + "/erasure", admin,
                "{\"reason\":\"Request of the data subject, DPO-2027-014\"}");
        assertEquals(200, erased.statusCode(), erased.body());

        // each service erases when it reads PersonErased: wait for all of them, by the values and by the person's id
        await("no database holds the student's values or id", () -> scanAll(person.values()).values().stream().allMatch(List::isEmpty)
                && scanAll(List.of(personId)).entrySet().stream()
                .filter(e -> List.of("mobility", "curriculum").contains(e.getKey())).allMatch(e -> e.getValue().isEmpty()));
        assertEquals(Map.of("agreements", List.of(), "mobility", List.of(), "curriculum", List.of(), "identity", List.of()),
                scanAll(person.values()));
        var afterById = scanAll(List.of(personId));
        assertEquals(List.of(), afterById.get("mobility"));
        assertEquals(List.of(), afterById.get("curriculum"));

        for (String mobility : List.of(linked, unlinked)) {
            JsonNode anonymised = mobility(admin, mobility);
            assertEquals("NOMINATED", anonymised.get("status").asText());
            assertEquals("erased", anonymised.at("/person/familyName").asText());
        }
        assertEquals(statisticsBefore, get(service("mobility-service"), "/api/statistics/mobilities?partner=univ-lyon1.fr", admin).body());
        assertEquals(1, JSON.readTree(get(service("curriculum-service"), "/api/catalogue/sessions/" + session, admin).body()).get("held").asInt());
        assertEquals(404, get(service("identity-service"), "/api/people/" + personId, admin).statusCode());
        assertEquals(404, get(service("identity-service"), "/api/people/" + personId + "/export", admin).statusCode());
    }

    private static String activeAgreement(String lyon, String admin) throws Exception {
        var agreements = service("agreements-service");
        var draft = post(agreements, "/api/agreements", lyon, """
                {"kind":"BILATERAL_EXCHANGE",
                 "title":{"fr":"Accord d'échange SJTUSM - Lyon 1","en":"Exchange agreement SJTUSM - Lyon 1","zh":"上海交通大学医学院与里昂第一大学交流协议"},
                 "parties":["sjtu.edu.cn","univ-lyon1.fr"],"firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030",
                 "conditions":[{"sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn","mobilityType":"SUMMER_TRAINING",
                   "placesPerYear":5,"firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","minimumDays":14,"maximumDays":60,
                   "eqfLevel":7,"iscedCode":"0912","language":"fr","cefrLevel":"B1"}]}""");
        assertEquals(201, draft.statusCode(), draft.body());
        String id = field(draft.body(), "id");
        var proposed = PlatformClient.change(agreements, "/api/agreements/" + id, "/proposal", lyon, "");
        assertEquals(200, proposed.statusCode(), proposed.body());
        String approval = "{\"contentHash\":\"" + field(proposed.body(), "contentHash") + "\"}";
        assertEquals(200, post(agreements, "/api/agreements/" + id + "/approvals", lyon, approval).statusCode());
        var active = post(agreements, "/api/agreements/" + id + "/approvals", admin, approval);
        assertEquals("ACTIVE", field(active.body(), "status"), active.body());
        return id;
    }

    private static String openSession(String admin) throws Exception {
        var curriculum = service("curriculum-service");
        var item = post(curriculum, "/api/catalogue", admin, """
                {"kind":"SUMMER_PROGRAMME","title":{"fr":"Université d'été","en":"Summer school","zh":"暑期学校"},
                 "description":{"fr":"Quatre semaines à Shanghai.","en":"Four weeks in Shanghai.","zh":"在上海学习四周。"},
                 "teachingLanguage":"en","durationWeeks":4}""");
        assertEquals(201, item.statusCode(), item.body());
        var session = post(curriculum, "/api/catalogue/" + field(item.body(), "id") + "/sessions", admin,
                "{\"academicYear\":\"2026/2027\",\"startDate\":\"2027-07-05\",\"endDate\":\"2027-07-30\",\"capacity\":5}");
        assertEquals(201, session.statusCode(), session.body());
        String id = field(session.body(), "id");
        assertEquals(200, PlatformClient.change(curriculum, "/api/catalogue/sessions/" + id, "/opening", admin, "").statusCode());
        return id;
    }

    private static String nominate(String token, String agreement, String condition, String year, FictionalPerson person,
                                   String personId, String session) throws Exception {
        int summer = Integer.parseInt(year.substring(5));
        String body = """
                {"agreementId":"%s","conditionId":"%s","academicYear":"%s","plannedArrival":"%d-07-05","plannedDeparture":"%d-07-30",
                 "person":{"personId":%s,"givenName":"%s","familyName":"%s","chineseName":"%s","email":"%s","ine":"%s"},
                 "requestedSessions":[%s]}"""
                .formatted(agreement, condition, year, summer, summer, personId == null ? "null" : "\"" + personId + "\"",
                        person.givenName(), person.familyName(), person.chineseName(), person.email(), person.ine(),
                        session == null ? "" : "\"" + session + "\"");
        // a person identity-service has just registered reaches mobility-service's copy by its event; until then the
        // nomination is refused (unknown-person) and creates nothing, so it is sent again
        List<HttpResponse<String>> answers = new ArrayList<>();
        await("mobility-service knows the person registered in identity-service", () -> {
            answers.add(post(service("mobility-service"), "/api/mobilities", token, body));
            return !answers.get(answers.size() - 1).body().contains("unknown-person");
        });
        var nominated = answers.get(answers.size() - 1);
        assertEquals(201, nominated.statusCode(), nominated.body());
        return field(nominated.body(), "id");
    }

    private static JsonNode mobility(String token, String id) throws Exception {
        HttpResponse<String> answer = get(service("mobility-service"), "/api/mobilities/" + id, token);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    /** Each service's database scanned for the values: database name -> what was found. */
    private static Map<String, List<PersonalDataScan.Finding>> scanAll(List<String> values) throws Exception {
        Map<String, List<PersonalDataScan.Finding>> found = new LinkedHashMap<>();
        for (String database : ServiceSpec.databases()) {
            found.put(database, new ArrayList<>(PersonalDataScan.scan(platform.postgres.jdbcUrl(database), PostgresNode.USER,
                    PostgresNode.PASSWORD, values)));
        }
        return found;
    }

    private static ServiceProcess service(String name) {
        return platform.service(name);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!check.holds()) {
            assertTrue(System.nanoTime() < deadline, "never: " + what);
            Thread.sleep(500);
        }
    }
}
