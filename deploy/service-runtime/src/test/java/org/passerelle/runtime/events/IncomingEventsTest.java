package org.passerelle.runtime.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer on the real broker: each event once, unreadable or failing events to the dead letters. */
@QuarkusTest
class IncomingEventsTest {

    static final String TOPIC = "sample.incoming";
    static final String DEAD_LETTERS = "sample.dead-letters";

    @Inject
    AgroalDataSource dataSource;

    @OidcWireMock
    WireMockServer oidcServer;

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() throws Exception {
        String name = "twice-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        send(cloudEvent(id, name));
        send(cloudEvent(id, name));
        String marker = "after-" + UUID.randomUUID();
        send(cloudEvent(UUID.randomUUID(), marker));

        awaitSample(marker);
        assertEquals(1, samplesNamed(name), "the repeat changed nothing");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLettersWithItsReasonAndTheNextIsHandled() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        send(new ProducerRecord<>(TOPIC, key, "{not json"));
        String next = "next-" + UUID.randomUUID();
        send(cloudEvent(UUID.randomUUID(), next));

        var dead = EventsOnKafka.read(DEAD_LETTERS, List.of(key), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertTrue(EventsOnKafka.header(dead.get(0), "dead-letter-reason").contains("not a CloudEvent"),
                EventsOnKafka.header(dead.get(0), "dead-letter-reason"));
        awaitSample(next);
    }

    @Test
    void anEventThatFailsAfterRetriesGoesToTheDeadLettersAndTheConsumerGoesOn() throws Exception {
        UUID poison = UUID.randomUUID();
        send(cloudEvent(poison, "poison"));
        String next = "after-poison-" + UUID.randomUUID();
        send(cloudEvent(UUID.randomUUID(), next));

        var dead = EventsOnKafka.read(DEAD_LETTERS, List.of("sample-key-" + poison), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertTrue(EventsOnKafka.header(dead.get(0), "dead-letter-reason").contains("cannot apply poison"));
        assertEquals(poison.toString(), EventsOnKafka.header(dead.get(0), "ce_id"), "the event keeps its envelope");
        awaitSample(next);

        oidcServer.stubFor(WireMock.head(WireMock.urlPathMatching(".*/.well-known/openid-configuration"))
                .willReturn(WireMock.ok()));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static ProducerRecord<String, String> cloudEvent(UUID id, String name) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id.toString()));
        headers.add("ce_type", bytes("passerelle.sample.SampleHappened.v1"));
        headers.add("ce_source", bytes("/passerelle/sample"));
        headers.add("ce_time", bytes("2026-11-27T10:15:30Z"));
        headers.add("ce_subject", bytes("sample-key-" + id));
        headers.add("content-type", bytes("application/json"));
        String data = "{\"sampleId\":\"s\",\"step\":1,\"name\":\"" + name + "\"}";
        return new ProducerRecord<>(TOPIC, null, "sample-key-" + id, data, headers);
    }

    private static void send(ProducerRecord<String, String> record) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.node().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        }
    }

    private void awaitSample(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (samplesNamed(name) == 0) {
            assertTrue(System.nanoTime() < deadline, "the consumer never handled " + name);
            Thread.sleep(100);
        }
    }

    private long samplesNamed(String name) throws Exception {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select count(*) from sample where name = ?")) {
            query.setString(1, name);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
