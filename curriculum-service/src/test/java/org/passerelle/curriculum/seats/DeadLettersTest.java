package org.passerelle.curriculum.seats;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.KafkaResource;
import org.passerelle.devstack.testing.TestEvents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.summerProgramme;

/** A record that is not a CloudEvent goes to curriculum-service.dead-letters and the seats keep being held. */
@QuarkusTest
class DeadLettersTest {

    @Test
    void aPoisonRecordIsSetAsideAndTheNextNominationIsHeld() throws Exception {
        String bootstrap = KafkaResource.node().bootstrapServers();
        String poison = "not-a-cloud-event-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(MobilityEventsTest.TOPIC, poison, "{\"oops\":true}")).get();
        }
        String session = openSession(publish(summerProgramme("Summer school " + UUID.randomUUID())), "2026/2027", "2027-07-05", "2027-07-30", 30);
        String mobility = UUID.randomUUID().toString();
        TestEvents.send(MobilityEventsTest.TOPIC, MobilityEventsTest.NOMINATED, mobility, MobilityEventsTest.nomination(mobility, session));
        MobilityEventsTest.awaitHeld(session, 1);

        try (var deadLetters = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            deadLetters.subscribe(List.of("curriculum-service.dead-letters"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                for (var record : deadLetters.poll(Duration.ofMillis(500))) {
                    found |= poison.equals(record.key()) && record.headers().lastHeader("dead-letter-reason") != null;
                }
            }
            assertTrue(found, "the poison record is not among the dead letters with its reason");
        }
    }
}
