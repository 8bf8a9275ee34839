package org.passerelle.curriculum.seats;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.KafkaResource;
import org.passerelle.devstack.testing.TestEvents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.summerProgramme;

/**
 * 50 nominations race for the 30 seats of the summer programme along two paths at once, as two instances of
 * the service would: 25 arrive as MobilityNominated events through Kafka and this service's consumer, while
 * 25 are held directly by four threads, each in its own transaction on its own connection. Exactly 30 are
 * held and 20 refused with SESSION_FULL; the session never has more holders than seats.
 */
@QuarkusTest
class SummerProgrammeRaceTest {

    @Inject
    SeatLedger seats;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fiftyNominationsForThirtySeatsHoldExactlyThirty() throws Exception {
        String session = openSession(publish(summerProgramme("Shanghai summer programme " + UUID.randomUUID())),
                "2026/2027", "2027-07-05", "2027-07-30", 30);
        List<String> mobilities = new ArrayList<>();
        Map<String, String> byKafka = new LinkedHashMap<>();
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String mobility = UUID.randomUUID().toString();
            mobilities.add(mobility);
            if (i % 2 == 0) {
                byKafka.put(mobility, MobilityEventsTest.nomination(mobility, session));
            } else {
                direct.add(mobility);
            }
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> paths = new ArrayList<>();
            paths.add(threads.submit(() -> {
                start.await();
                TestEvents.sendAllTo(KafkaResource.node().bootstrapServers(), MobilityEventsTest.TOPIC,
                        MobilityEventsTest.NOMINATED, byKafka);
                return null;
            }));
            for (int t = 0; t < 4; t++) {
                List<String> share = direct.subList(t * direct.size() / 4, (t + 1) * direct.size() / 4);
                paths.add(threads.submit(() -> {
                    start.await();
                    for (String mobility : share) {
                        seats.hold(new SeatLedger.Request(UUID.fromString(mobility), "u-paris.fr", UUID.randomUUID(),
                                List.of(UUID.fromString(session))));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> path : paths) {
                path.get();
            }
        } finally {
            threads.shutdown();
        }

        Map<String, Integer> answers = awaitAnswers(mobilities);
        assertEquals(30, answers.getOrDefault("passerelle.curriculum.SeatsHeld.v1", 0), answers.toString());
        assertEquals(20, answers.getOrDefault("passerelle.curriculum.SeatsRefused.v1", 0), answers.toString());
        assertEquals(20, count("select count(*) from outbox_event where type = 'passerelle.curriculum.SeatsRefused.v1' "
                + "and payload -> 'refusals' -> 0 ->> 'reason' = 'SESSION_FULL' and payload -> 'refusals' -> 0 ->> 'sessionId' = ?", session));
        assertEquals(30, count("select held from catalogue_session where id = ?::uuid", session));
        assertEquals(30, count("select count(*) from seat_hold where session_id = ?::uuid", session));
    }

    /** The answer event of each nomination by type, once every nomination has one. */
    private Map<String, Integer> awaitAnswers(List<String> mobilities) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, Integer> byType = new LinkedHashMap<>();
            try (var connection = dataSource.getConnection();
                 var query = connection.prepareStatement(
                         "select type, count(*) from outbox_event where aggregate_id = any (?) group by type")) {
                query.setArray(1, connection.createArrayOf("varchar", mobilities.toArray()));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        byType.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            if (byType.values().stream().mapToInt(Integer::intValue).sum() >= mobilities.size()) {
                return byType;
            }
            assertTrue(System.nanoTime() < deadline, "not every nomination was answered: " + byType);
            Thread.sleep(200);
        }
    }

    private long count(String sql, String session) throws Exception {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
            query.setString(1, session);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
