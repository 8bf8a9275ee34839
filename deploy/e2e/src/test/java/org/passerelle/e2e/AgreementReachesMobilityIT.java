package org.passerelle.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.KeycloakNode;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.TestEvents;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first flow between two services, as packaged processes on real PostgreSQL, Kafka and Keycloak: an
 * agreement approved by both sides in agreements-service opens for nominations in mobility-service, and its
 * termination closes it, even when agreements-service is killed (SIGKILL) after committing the termination
 * and before publishing it, while Kafka is down; and two instances of mobility-service sharing one quota ledger.
 * Last on the shared platform, as it stops Kafka and the services (each test starts again what it stopped).
 */
@ExtendWith(SharedPlatform.class)
@Order(5)
class AgreementReachesMobilityIT {

    private static final Path WORK = Path.of(System.getProperty("passerelle.e2e.work", "target/e2e")).resolve("flow");
    private static final Path ROOT = Path.of(System.getProperty("passerelle.root", "../.."));

    /** A party of its own for the events of the shutdown test, so that they do not crowd the other tests' lists. */
    private static final String SHUTDOWN_PARTY = "jmc-school-5.example";

    private static PostgresNode postgres;
    private static KafkaNode kafka;
    private static KeycloakNode keycloak;
    private static ServiceProcess agreements;
    private static ServiceProcess mobility;

    @BeforeAll
    static void useThePlatform(Platform platform) throws Exception {
        Files.createDirectories(WORK);
        postgres = platform.postgres;
        kafka = platform.kafka;
        keycloak = platform.keycloak;
        agreements = platform.service("agreements-service");
        mobility = platform.service("mobility-service");
    }

    @Test
    void anApprovedAgreementOpensForNominationsAndItsTerminationClosesIt() throws Exception {
        String lyon1 = token("coordinator.univ-lyon1");
        String sjtusm = token("admin.sjtusm");

        String id = activeAgreement(lyon1, sjtusm);
        awaitOpenInMobility(id, true, lyon1);

        var terminated = PlatformClient.change(agreements, "/api/agreements/" + id, "/termination", sjtusm, "{\"reason\":\"Remplacé par l'accord de 2027\"}");
        assertEquals(200, terminated.statusCode(), terminated.body());
        awaitOpenInMobility(id, false, lyon1);
    }

    @Test
    void aTerminationCommittedBeforeACrashIsPublishedAfterTheRestart() throws Exception {
        String lyon1 = token("coordinator.univ-lyon1");
        String sjtusm = token("admin.sjtusm");
        String id = activeAgreement(lyon1, sjtusm);
        awaitOpenInMobility(id, true, lyon1);

        kafka.stop();
        var terminated = PlatformClient.change(agreements, "/api/agreements/" + id, "/termination", sjtusm, "{\"reason\":\"Fin anticipée\"}");
        assertEquals(200, terminated.statusCode(), "committed while Kafka is down: " + terminated.body());
        agreements.kill();

        kafka.start();
        agreements.start();
        awaitReady(agreements);
        awaitOpenInMobility(id, false, lyon1);
    }

    @Test
    void eventsInFlightWhenTheConsumerStopsAreAppliedOnceAfterItsRestart() throws Exception {
        // the agreements are between SJTUSM and a school no demo coordinator belongs to: the office sees them all
        String office = token("admin.sjtusm");
        String example = EventContracts.example("passerelle.agreements.AgreementActivated.v1");
        List<String> ids = new ArrayList<>();
        Map<String, String> events = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.put(id, example.replace("5f0c2a4e-8d1b-4c7a-9e3f-2b6d8a1c4e70", id).replace("univ-lyon1.fr", SHUTDOWN_PARTY));
        }
        TestEvents.sendAllTo(kafka.bootstrapServers(), "agreements.agreement.events",
                "passerelle.agreements.AgreementActivated.v1", events);
        long logLinesBefore = Files.readAllLines(mobility.logFile()).size();
        mobility.stop(Duration.ofSeconds(30)); // SIGTERM while it works through the batch
        var shutdownLog = Files.readAllLines(mobility.logFile()).stream().skip(logLinesBefore).toList();
        assertTrue(shutdownLog.stream().noneMatch(line -> line.contains("ERROR")),
                "a clean stop, no event failing on a closed database:\n" + String.join("\n", shutdownLog));

        mobility.start();
        awaitReady(mobility);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long open;
        do {
            var page = get(mobility, "/api/mobilities/agreements?party=" + SHUTDOWN_PARTY + "&size=1", office);
            open = Long.parseLong(page.body().replaceAll(".*\"totalItems\":(\\d+).*", "$1"));
            if (open >= 300) {
                break;
            }
            Thread.sleep(300);
        } while (System.nanoTime() < deadline);
        var all = new StringBuilder();
        for (int page = 0; page * 100 < open; page++) {
            all.append(get(mobility, "/api/mobilities/agreements?party=" + SHUTDOWN_PARTY + "&size=100&page=" + page, office).body());
        }
        for (String id : ids) {
            assertEquals(1, all.toString().split(id, -1).length - 1, "agreement " + id + " once");
        }
    }

    /**
     * Two instances of mobility-service on the same database take 100 nominations at once, half each, for a
     * cooperation condition of 30 places: exactly 30 are nominated, the 70 others refused for the quota, and the
     * ledger, the mobilities and their events agree.
     */
    @Test
    void twoInstancesNominatingAtOnceNeverOverbook() throws Exception {
        String lyon1 = token("coordinator.univ-lyon1");
        String agreement = UUID.randomUUID().toString();
        String condition = UUID.randomUUID().toString();
        var second = new ServiceProcess("mobility-service", ROOT.resolve("mobility-service/target/quarkus-app/quarkus-run.jar"),
                FreePorts.next(), Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("mobility"),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl()),
                WORK.resolve("mobility-service-second.log")).forTests();
        second.start();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            TestEvents.sendTo(kafka.bootstrapServers(), "agreements.agreement.events", UUID.randomUUID(),
                    "passerelle.agreements.AgreementActivated.v1", agreement, activatedWithPlaces(agreement, condition, 30));
            awaitOpenInMobility(agreement, true, lyon1);
            awaitReady(second);

            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            List<ServiceProcess> instances = List.of(mobility, second);
            for (int i = 0; i < 100; i++) {
                ServiceProcess instance = instances.get(i % 2);
                String body = summerNomination(agreement, condition, i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(instance, "/api/mobilities", lyon1, body);
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            var others = new ArrayList<String>();
            for (var answer : answers) {
                var response = answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
                if (response.statusCode() == 201) {
                    created++;
                } else if (response.statusCode() == 409 && response.body().contains("urn:passerelle:problem:quota-exhausted")) {
                    refused++;
                } else {
                    others.add(response.statusCode() + " " + response.body());
                }
            }
            assertEquals(List.of(), others, "every answer is a nomination or a refusal for the quota");
            assertEquals(30, created, "nominated");
            assertEquals(70, refused, "refused for the quota");
            assertEquals(List.of(30L, 30L, 30L), ledgerMobilitiesAndEvents(condition), "ledger, mobilities, MobilityNominated events");
        } finally {
            pool.shutdownNow();
            second.stop(Duration.ofSeconds(30));
        }
    }

    /** Places used in the ledger, mobilities of the condition, and their MobilityNominated events in the outbox. */
    private static List<Long> ledgerMobilitiesAndEvents(String condition) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("mobility"), org.passerelle.devstack.PostgresNode.USER,
                org.passerelle.devstack.PostgresNode.PASSWORD);
             var query = connection.prepareStatement("""
                     select (select used from quota_usage where condition_id = ?::uuid and academic_year = '2026/2027'),
                            (select count(*) from mobility where condition_id = ?::uuid),
                            (select count(*) from outbox_event e join mobility m on e.aggregate_id::text = m.id::text
                              where m.condition_id = ?::uuid and e.type = 'passerelle.mobility.MobilityNominated.v1')""")) {
            for (int i = 1; i <= 3; i++) {
                query.setString(i, condition);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        }
    }

    private static String activatedWithPlaces(String agreement, String condition, int places) {
        return """
                {"agreementId":"%s","kind":"BILATERAL_EXCHANGE","parties":["sjtu.edu.cn","univ-lyon1.fr"],
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","contentHash":"%s","activatedAt":"2026-03-12T09:30:00Z",
                 "conditions":[{"id":"%s","sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                   "mobilityType":"SUMMER_TRAINING","placesPerYear":%d,"firstAcademicYear":"2025/2026",
                   "lastAcademicYear":"2029/2030","minimumDays":null,"maximumDays":null}]}"""
                .formatted(agreement, "d".repeat(64), condition, places);
    }

    private static String summerNomination(String agreement, String condition, int n) {
        return """
                {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                 "plannedDeparture":"2027-07-30","person":{"givenName":"Camille","familyName":"Lefèvre",
                 "email":"camille.lefevre.%d@etu.univ-lyon1.fr","ine":"123456789AB"}}"""
                .formatted(agreement, condition, n);
    }

    private static String activeAgreement(String lyon1, String sjtusm) throws Exception {
        var draft = post(agreements, "/api/agreements", lyon1, """
                {"kind":"BILATERAL_EXCHANGE",
                 "title":{"fr":"Accord d'échange SJTUSM - Université Claude Bernard Lyon 1",
                          "en":"Exchange agreement SJTUSM - Claude Bernard University Lyon 1",
                          "zh":"上海交通大学医学院与里昂第一大学交流协议"},
                 "parties":["univ-lyon1.fr","sjtu.edu.cn"],
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030"}""");
        assertEquals(201, draft.statusCode(), draft.body());
        String id = field(draft.body(), "id");
        var proposed = PlatformClient.change(agreements, "/api/agreements/" + id, "/proposal", lyon1, "");
        assertEquals(200, proposed.statusCode(), proposed.body());
        String hash = field(proposed.body(), "contentHash");
        assertEquals(200, post(agreements, "/api/agreements/" + id + "/approvals", lyon1, "{\"contentHash\":\"" + hash + "\"}").statusCode());
        var active = post(agreements, "/api/agreements/" + id + "/approvals", sjtusm, "{\"contentHash\":\"" + hash + "\"}");
        assertEquals("ACTIVE", field(active.body(), "status"), active.body());
        return id;
    }

    private static void awaitOpenInMobility(String id, boolean open, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var list = get(mobility, "/api/mobilities/agreements?party=univ-lyon1.fr&size=100", token);
            if (list.statusCode() == 200 && list.body().contains(id) == open) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "mobility-service never saw agreement " + id + (open ? " open" : " closed")
                    + "; last answer " + list.statusCode() + " " + list.body());
            Thread.sleep(200);
        }
    }

    private static void awaitReady(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!service.isReady()) {
            assertTrue(service.isAlive(), service.name() + " ended; log:\n" + Files.readString(service.logFile()));
            assertTrue(System.nanoTime() < deadline, service.name() + " not ready; log:\n" + Files.readString(service.logFile()));
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String token, String json) throws Exception {
        return PlatformClient.post(service, path, token, json);
    }

    private static HttpResponse<String> get(ServiceProcess service, String path, String token) throws Exception {
        return PlatformClient.get(service, path, token);
    }

    private static String token(String username) throws Exception {
        return PlatformClient.token(keycloak, username);
    }

    private static String field(String json, String name) {
        return PlatformClient.field(json, name);
    }
}
