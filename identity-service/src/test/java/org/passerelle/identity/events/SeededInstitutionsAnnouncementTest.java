package org.passerelle.identity.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.passerelle.devstack.testing.KafkaResource;
import org.passerelle.identity.InstitutionService;
import org.passerelle.identity.OutboxRows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The institutions the migrations seed reach the other services as InstitutionRegistered, once each. */
@QuarkusTest
class SeededInstitutionsAnnouncementTest {

    static final Map<String, String> SEEDED = Map.of(
            "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01", "sjtu.edu.cn",
            "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d02", "u-paris.fr",
            "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d03", "univ-lyon1.fr",
            "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d04", "jmc-school-3.example",
            "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d05", "jmc-school-4.example",
            "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d06", "jmc-school-5.example");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstitutionService institutions;

    @Test
    void eachSeededInstitutionIsAnnouncedOnceWithItsSchemaValidEvent() throws Exception {
        for (String id : SEEDED.keySet()) {
            var events = awaitEvents(id);
            assertEquals(1, events.size(), () -> "one InstitutionRegistered for " + SEEDED.get(id) + ": " + events);
            assertEquals("passerelle.identity.InstitutionRegistered.v1", events.get(0).type());
            assertEquals(List.of(), EventContracts.violations(events.get(0).type(), events.get(0).payload()));
            assertEquals(SEEDED.get(id), events.get(0).data().path("schacCode").asText());
        }
        assertEquals(0, institutions.announceSeeded(), "a later start announces nothing again");
        assertEquals(1, OutboxRows.of(dataSource, "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01").size());
    }

    @Test
    void theRegistrationOfSjtusmWithRuijinHospitalIsOnTheInstitutionTopic() throws Exception {
        String sjtusm = "0b3f6f6e-1d7a-4c1e-9a51-5a1f0c2b7d01";
        awaitEvents(sjtusm);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.node().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "seed-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("identity.institution.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                    if (sjtusm.equals(record.key()) && type.equals("passerelle.identity.InstitutionRegistered.v1")) {
                        assertTrue(record.value().contains("瑞金医院"), record.value());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("InstitutionRegistered of SJTUSM was not published on identity.institution.events");
    }

    /** The outbox rows of an institution, once the startup step wrote them. */
    private List<OutboxRows.Event> awaitEvents(String institutionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<OutboxRows.Event> events = OutboxRows.of(dataSource, institutionId);
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            events = OutboxRows.of(dataSource, institutionId);
        }
        return events;
    }
}
