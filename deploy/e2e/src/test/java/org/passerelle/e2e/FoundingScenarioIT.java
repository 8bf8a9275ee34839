package org.passerelle.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.demo.Api;
import org.passerelle.devstack.demo.FoundingStory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The founding story through the four running services, with faults on the way: mobility-service killed
 * (SIGKILL) and restarted after the agreements, Kafka stopped while the catalogue is built, PostgreSQL restarted
 * after the nominations. Then every service's view is checked against the others: nothing lost, nothing done twice.
 */
class FoundingScenarioIT {

    private static final Path WORK = Path.of(System.getProperty("passerelle.e2e.work", "target/e2e")).resolve("founding");

    private static Platform platform;
    private static Api api;
    private static FoundingStory.Outcome story;
    private static final List<String> faults = new ArrayList<>();

    @BeforeAll
    static void playTheStoryWithFaults() throws Exception {
        platform = new Platform(WORK).start();
        api = new Api(platform.keycloak.tokenUrl());
        var urls = new FoundingStory.Urls(url("agreements-service"), url("mobility-service"), url("curriculum-service"),
                url("identity-service"), platform.keycloak.tokenUrl());
        story = new FoundingStory(urls, line -> System.out.println("[founding] " + line)).play(FoundingScenarioIT::fault);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
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
        assertTrue(refused.body().contains("\"seat\":\"REFUSED\"") && refused.body().contains("SESSION_FULL"), refused.body());
    }

    @Test
    void bothAgreementsAreInForceInTheirAmendedVersion() {
        for (String agreement : List.of(story.lyonAgreement(), story.parisAgreement())) {
            var answer = api.get(url("agreements-service") + "/api/agreements/" + agreement + "/versions", token("admin.sjtusm")).expect(200);
            assertEquals(List.of("SUPERSEDED", "IN_FORCE"), answer.fields("status"), answer.body());
        }
    }

    @Test
    void targetProgressAndStatisticsCountTheSameInboundStudents() throws Exception {
        // 2025/2026: Paris Cité's five summer students, completed; 2026/2027: Lyon 1's cohort of ten, two Lyon 1
        // clinical students and four Paris Cité basic-courses students, accepted
        awaitEqual("counted per year in agreements-service", List.of(5L, 16L), () -> {
            var progress = api.get(url("agreements-service") + "/api/targets/" + story.target() + "/progress", token("admin.sjtusm")).expect(200);
            var years = progress.fields("academicYear");
            return List.of(counted(progress, years.indexOf("2025/2026")), counted(progress, years.indexOf("2026/2027")));
        });
        var statistics = api.get(url("mobility-service") + "/api/statistics/mobilities", token("admin.sjtusm")).expect(200);
        assertTrue(statistics.body().contains("{\"academicYear\":\"2025/2026\",\"students\":5}"), statistics.body());
        assertTrue(statistics.body().contains("{\"academicYear\":\"2026/2027\",\"students\":16}"), statistics.body());
    }

    @Test
    void curriculumHoldsExactlyTheSeatsMobilityServiceShows() throws Exception {
        awaitEqual("holders of the summer programme", 10L, () -> holders(story.summerSession()));
        awaitEqual("holders of the one-seat observership", 1L, () -> holders(story.observationSession()));
        long heldInMobility = story.inboundMobilities().stream()
                .map(id -> api.get(url("mobility-service") + "/api/mobilities/" + id, token("admin.sjtusm")).expect(200).body())
                .filter(body -> body.contains("\"seat\":\"HELD\"")).count();
        assertEquals(11, heldInMobility);
    }

    @Test
    void chineseStudentsAreOnTheirWayToFrance() {
        var lyon = api.get(url("mobility-service") + "/api/statistics/mobilities?direction=OUTBOUND", token("coordinator.univ-lyon1")).expect(200);
        assertTrue(lyon.body().contains("\"partnerInstitution\":\"univ-lyon1.fr\",\"mobilityType\":\"RESEARCH_LONG\",\"status\":\"IN_PROGRESS\",\"mobilities\":3"),
                lyon.body());
        var paris = api.get(url("mobility-service") + "/api/statistics/mobilities?direction=OUTBOUND", token("coordinator.u-paris")).expect(200);
        assertTrue(paris.body().contains("\"mobilityType\":\"CLINICAL_INTERNSHIP_MID\",\"status\":\"ACCEPTED\",\"mobilities\":2"), paris.body());
        assertTrue(!paris.body().contains("univ-lyon1.fr"), "Paris Cité does not see Lyon 1's mobilities: " + paris.body());
    }

    private static long counted(Api.Answer progress, int year) {
        var matcher = java.util.regex.Pattern.compile("\"counted\"\\s*:\\s*([0-9]+)").matcher(progress.body());
        for (int i = 0; i <= year; i++) {
            assertTrue(matcher.find(), progress.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    private static long holders(String session) {
        return api.get(url("curriculum-service") + "/api/catalogue/sessions/" + session + "/holders", token("admin.sjtusm"))
                .expect(200).number("totalItems");
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

    private static String token(String user) {
        return api.userToken(user);
    }

    private static String url(String service) {
        return platform.service(service).baseUrl();
    }
}
