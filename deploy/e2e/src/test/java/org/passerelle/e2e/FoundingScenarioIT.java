package org.passerelle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.demo.Api;
import org.passerelle.devstack.demo.FoundingStory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The founding story through the four running services, with faults on the way: mobility-service killed
 * (SIGKILL) and restarted after the agreements, Kafka stopped while the catalogue is built, PostgreSQL restarted
 * after the nominations. Then every service's view is checked against the others, and each service's state
 * against the events on the topics: nothing lost, nothing done twice. The platform's memory is sampled meanwhile.
 * On the shared platform after the tour (whose mobilities are cancelled and of another year) and before the
 * classes that nominate more students for the years this one counts; each fault leaves the platform running.
 */
@ExtendWith(SharedPlatform.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundingScenarioIT {

    private static final Path WORK = Path.of(System.getProperty("passerelle.e2e.work", "target/e2e")).resolve("founding");

    private static Platform platform;
    private static PlatformMemory memory;
    private static Api api;
    private static FoundingStory.Outcome story;
    /** The mobilities the classes before this one left on the shared platform: none of them is the story's. */
    private static Set<String> earlierMobilities;
    private static final List<String> faults = new ArrayList<>();

    @BeforeAll
    static void playTheStoryWithFaults(Platform shared) throws Exception {
        long started = System.nanoTime();
        platform = shared;
        Files.createDirectories(WORK);
        memory = PlatformMemory.of(platform);
        memory.start();
        api = new Api(platform.keycloak.tokenUrl());
        earlierMobilities = mobilitiesOnThePlatform();
        var urls = new FoundingStory.Urls(url("agreements-service"), url("mobility-service"), url("curriculum-service"),
                url("identity-service"), platform.keycloak.tokenUrl());
        story = new FoundingStory(urls, line -> System.out.println("[founding] " + line)).play(FoundingScenarioIT::fault);
        awaitNoDifferences("consumer groups that have not read their topics to the end",
                () -> PublishedEvents.lagging(bootstrap(), StateAgainstEvents.SUBSCRIPTIONS).stream().map(Object::toString).toList());
        System.out.printf("[founding] story played with faults, events consumed: %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void reportMemory() throws Exception {
        if (memory != null) {
            String report = memory.stopAndReport();
            System.out.println("[founding] " + report);
            Files.writeString(WORK.resolve("memory.txt"), report);
        }
    }

    /** The fault after each chapter. */
    private static void fault(String chapter) {
        try {
            switch (chapter) {
                case "agreements" -> {
                    ServiceProcess mobility = platform.service("mobility-service");
                    mobility.kill();
                    mobility.start();
                    Platform.awaitReady(mobility);
                    faults.add("mobility-service killed and restarted");
                }
                case "catalogue" -> {
                    platform.kafka.stop();
                    // while Kafka is down, the catalogue changes and its events wait in the outbox
                    faults.add("Kafka stopped");
                    Thread.sleep(3000);
                    platform.kafka.start();
                    faults.add("Kafka started again");
                }
                case "nominations" -> {
                    platform.postgres.stop();
                    platform.postgres.start();
                    for (ServiceProcess service : platform.services.values()) {
                        Platform.awaitReady(service);
                    }
                    faults.add("PostgreSQL restarted");
                }
                default -> {
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("fault after " + chapter + " failed", e);
        }
    }

    @Test
    void theFaultsHappenedAndTheRefusalsCameWithTheirReasons() {
        assertEquals(List.of("mobility-service killed and restarted", "Kafka stopped", "Kafka started again", "PostgreSQL restarted"), faults);
        assertEquals("urn:passerelle:problem:quota-exhausted", story.overQuotaProblem());
        var refused = api.get(url("mobility-service") + "/api/mobilities/" + story.fullSessionMobility(), token("admin.sjtusm")).expect(200);
        assertTrue(refused.json().path("sessions").findValuesAsText("seat").contains("REFUSED")
                && refused.json().path("sessions").findValuesAsText("reason").contains("SESSION_FULL"), refused.body());
        assertEquals("SEAT_REFUSED", refused.json().path("status").asText(), refused.body());
        assertEquals("SESSION_FULL", refused.json().path("statusReason").asText(), refused.body());
    }

    @Test
    void bothAgreementsAreInForceInTheirAmendedVersion() {
        for (String agreement : List.of(story.lyonAgreement(), story.parisAgreement())) {
            var answer = api.get(url("agreements-service") + "/api/agreements/" + agreement + "/versions", token("admin.sjtusm")).expect(200);
            assertEquals(List.of("SUPERSEDED", "IN_FORCE"), answer.texts("", "status"), answer.body());
        }
    }

    @Test
    void bothAgreementsLeaveAsEwpIiasForThePartnersSystems() {
        // the packaged service, not the test application: its class path once held a pre-Java 9 javax.xml
        for (String agreement : List.of(story.lyonAgreement(), story.parisAgreement())) {
            var answer = api.get(url("agreements-service") + "/api/ewp/iias/" + agreement, token("admin.sjtusm")).expect(200);
            assertTrue(answer.body().contains("<iia-id>" + agreement + "</iia-id>") && answer.body().contains("<iia-hash>"),
                    answer.body());
        }
    }

    @Test
    void targetProgressAndStatisticsCountTheSameInboundStudents() throws Exception {
        // 2025/2026: Paris Cité's five summer students, completed; 2026/2027: Lyon 1's cohort of ten, two Lyon 1
        // clinical students and four Paris Cité basic-courses students, accepted, and the summer trainee, arrived
        awaitEqual("counted per year in agreements-service", List.of(5L, 17L), () -> {
            var progress = api.get(url("agreements-service") + "/api/targets/" + story.target() + "/progress", token("admin.sjtusm")).expect(200);
            return List.of(perYear(progress.json().path("years"), "2025/2026", "counted"), perYear(progress.json().path("years"), "2026/2027", "counted"));
        });
        var statistics = api.get(url("mobility-service") + "/api/statistics/mobilities", token("admin.sjtusm")).expect(200);
        var inbound = statistics.json().path("inboundStudents");
        assertEquals(List.of(5L, 17L), List.of(perYear(inbound, "2025/2026", "students"), perYear(inbound, "2026/2027", "students")),
                statistics.body());
    }

    @Test
    void curriculumHoldsExactlyTheSeatsMobilityServiceShows() throws Exception {
        awaitEqual("holders of the summer programme", 10L, () -> holders(story.summerSession()));
        awaitEqual("holders of the one-seat observership", 1L, () -> holders(story.observationSession()));
        long heldInMobility = story.inboundMobilities().stream()
                .map(id -> api.get(url("mobility-service") + "/api/mobilities/" + id, token("admin.sjtusm")).expect(200))
                .filter(mobility -> mobility.texts("/sessions", "seat").contains("HELD")).count();
        assertEquals(11, heldInMobility);
    }

    @Test
    void theSummerTraineeStartedOnlyOnceHerPapersWereAccepted() throws Exception {
        var trainee = story.trainee();
        assertEquals(List.of("HEALTH_INSURANCE", "HEPATITIS_B_VACCINATION"), trainee.refusedFirst());
        assertEquals(List.of("HEPATITIS_B_VACCINATION"), trainee.refusedSecond());
        assertEquals("IN_PROGRESS", trainee.status());
        var documents = api.get(url("mobility-service") + "/api/mobilities/" + trainee.mobility() + "/documents", token("student.univ-lyon1"))
                .expect(200);
        assertEquals(List.of("ACCEPTED", "REJECTED", "ACCEPTED"), documents.texts("", "status"), documents.body());
        var checklist = api.get(url("mobility-service") + "/api/mobilities/" + trainee.mobility() + "/checklist", token("coordinator.univ-lyon1"))
                .expect(200);
        assertTrue(checklist.json().path("complete").asBoolean(), checklist.body());
    }

    @Test
    void chineseStudentsAreOnTheirWayToFrance() {
        var lyon = api.get(url("mobility-service") + "/api/statistics/mobilities?direction=OUTBOUND", token("coordinator.univ-lyon1")).expect(200);
        assertEquals(3, mobilities(lyon, "univ-lyon1.fr", "RESEARCH_LONG", "IN_PROGRESS"), lyon.body());
        var paris = api.get(url("mobility-service") + "/api/statistics/mobilities?direction=OUTBOUND", token("coordinator.u-paris")).expect(200);
        assertEquals(2, mobilities(paris, "u-paris.fr", "CLINICAL_INTERNSHIP_MID", "ACCEPTED"), paris.body());
        assertFalse(paris.texts("/counts", "partnerInstitution").contains("univ-lyon1.fr"), "Paris Cité does not see Lyon 1's mobilities: " + paris.body());
    }

    // ---- each service's state against the events on the topics ----------------------------------------------

    @Test
    void everyEventReachedItsConsumersNoneWasDeadLetteredAndARepeatIsTheSameEvent() throws Exception {
        var declared = PublishedEvents.declaredTopics();
        var events = PublishedEvents.readAll(bootstrap());
        for (String topic : List.of(StateAgainstEvents.AGREEMENTS, StateAgainstEvents.MOBILITIES, StateAgainstEvents.INSTITUTIONS,
                StateAgainstEvents.CATALOGUE, StateAgainstEvents.SEATS)) {
            assertTrue(declared.contains(topic), topic + " is not declared in docs/events/asyncapi.yaml: " + declared);
            assertTrue(events.distinct().stream().anyMatch(e -> e.topic().equals(topic)), "no event on " + topic);
        }
        assertEquals(List.of(), PublishedEvents.lagging(bootstrap(), StateAgainstEvents.SUBSCRIPTIONS).stream().map(Object::toString).toList(),
                "consumer groups behind the topics' ends");
        assertEquals(Map.of(), events.deadLetters(), "events the services could not handle");
        assertEquals(List.of(), events.repeatsThatDiffer(), "an id delivered twice must be the same event");
        System.out.printf("[founding] %d records on the event topics, %d distinct events; delivered more than once: %s%n",
                events.delivered().size(), events.distinct().size(), events.repeats());
    }

    @Test
    void mobilityServiceShowsEachNominationOnceInTheStatusOfItsLastEventWithTheSeatsOfCurriculumsEvents() throws Exception {
        var nominated = new ArrayList<>(story.inboundMobilities());
        nominated.addAll(story.outboundMobilities());
        nominated.add(story.trainee().mobility());
        awaitNoDifferences("mobility-service against the mobility and seat events", () -> againstEvents().mobilities(nominated, earlierMobilities));
    }

    @Test
    void curriculumHoldsTheSeatsHeldLessThoseReleasedAndAnsweredEachRequestOnce() throws Exception {
        awaitNoDifferences("curriculum-service against the seat and mobility events", () -> againstEvents().seats());
    }

    @Test
    void targetProgressCountsTheMobilitiesOfTheEventsByItsCountingRule() throws Exception {
        awaitNoDifferences("target progress against the mobility events", () -> againstEvents().targetProgress(story.target()));
    }

    @Test
    void eachAgreementStandsAsItsLastEventSaysInAgreementsServiceAndMobilityService() throws Exception {
        awaitNoDifferences("agreements against the agreement events", () -> againstEvents().agreements());
    }

    @Test
    void everyInstitutionEventReachedIdentityServicesListAndAgreementsService() throws Exception {
        awaitNoDifferences("institutions against the institution events", () -> againstEvents().institutions());
    }

    /**
     * Last, as it changes the state behind the services' backs: a status and a seat hold changed in the databases,
     * with no event, are what a lost or doubled event would look like, and the checks above must name them.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theChecksNameAMobilityAndASessionChangedWithoutAnEvent() throws Exception {
        String researcher = story.outboundMobilities().get(0);
        String summerStudent = story.inboundMobilities().get(0);
        try (var mobility = DriverManager.getConnection(platform.postgres.jdbcUrl("mobility"), PostgresNode.USER, PostgresNode.PASSWORD);
             var curriculum = DriverManager.getConnection(platform.postgres.jdbcUrl("curriculum"), PostgresNode.USER, PostgresNode.PASSWORD)) {
            mobility.createStatement().executeUpdate("update mobility set status = 'CANCELLED' where id = '" + researcher + "'");
            curriculum.createStatement().executeUpdate("delete from seat_hold where mobility_id = '" + summerStudent + "'");
        }
        var nominated = new ArrayList<>(story.inboundMobilities());
        nominated.addAll(story.outboundMobilities());
        nominated.add(story.trainee().mobility());
        var check = againstEvents();
        assertEquals(List.of("mobility " + researcher + ": mobility-service says CANCELLED, its last event MobilityStarted says IN_PROGRESS"),
                check.mobilities(nominated, earlierMobilities));
        var seats = check.seats();
        assertEquals(1, seats.size(), seats.toString());
        assertTrue(seats.get(0).startsWith("session " + story.summerSession() + ": holders [") && seats.get(0).contains(summerStudent),
                seats.toString());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The events as the topics hold them now, and the services to compare with them. */
    private static StateAgainstEvents againstEvents() throws Exception {
        return new StateAgainstEvents(api, FoundingScenarioIT::url, token("admin.sjtusm"), PublishedEvents.readAll(bootstrap()));
    }

    /** A check's differences, asked again until there are none or a minute passed: then they are the failure. */
    private static void awaitNoDifferences(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> differences = check.differences();
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            differences = check.differences();
        }
        assertTrue(differences.isEmpty(), what + ", " + differences.size() + " difference(s):\n  " + String.join("\n  ", differences));
    }

    @FunctionalInterface
    private interface Check {
        List<String> differences() throws Exception;
    }

    private static Set<String> mobilitiesOnThePlatform() {
        var ids = new HashSet<String>();
        for (int page = 0; ; page++) {
            var json = api.get(url("mobility-service") + "/api/mobilities?size=100&page=" + page, token("admin.sjtusm")).expect(200).json();
            json.path("items").forEach(mobility -> ids.add(mobility.path("id").asText()));
            if (page + 1 >= json.path("totalPages").asLong()) {
                return ids;
            }
        }
    }

    private static long perYear(JsonNode years, String academicYear, String field) {
        for (JsonNode year : years) {
            if (year.path("academicYear").asText().equals(academicYear)) {
                return year.path(field).asLong();
            }
        }
        throw new AssertionError("no " + academicYear + " in " + years);
    }

    private static long mobilities(Api.Answer statistics, String partner, String type, String status) {
        long total = 0;
        for (JsonNode count : statistics.json().path("counts")) {
            if (count.path("partnerInstitution").asText().equals(partner) && count.path("mobilityType").asText().equals(type)
                    && count.path("status").asText().equals(status)) {
                total += count.path("mobilities").asLong();
            }
        }
        return total;
    }

    private static long holders(String session) {
        return api.get(url("curriculum-service") + "/api/catalogue/sessions/" + session + "/holders", token("admin.sjtusm"))
                .expect(200).number("/totalItems");
    }

    private static <T> void awaitEqual(String what, T expected, Supplier<T> actual) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = actual.get();
        while (!expected.equals(last)) {
            assertTrue(System.nanoTime() < deadline, what + ": expected " + expected + " but still " + last);
            Thread.sleep(300);
            last = actual.get();
        }
    }

    private static String bootstrap() {
        return platform.kafka.bootstrapServers();
    }

    private static String token(String user) {
        return api.userToken(user);
    }

    private static String url(String service) {
        return platform.service(service).baseUrl();
    }
}
