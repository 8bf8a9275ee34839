package org.passerelle.runtime.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.UUID;

/** A consumer of the test application, shaped as the services' consumers are. */
@ApplicationScoped
public class SampleConsumer {

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Incoming("sample-in")
    @Blocking
    @Retry(maxRetries = 2, delay = 100, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of("passerelle.sample.SampleHappened.v1", event -> {
            var sample = events.data(event, SampleHappened.class);
            if (sample.name().equals("poison")) {
                throw new IllegalStateException("cannot apply poison");
            }
            entityManager.createNativeQuery("insert into sample (id, name) values (?1, ?2)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, sample.name())
                    .executeUpdate();
        }));
    }
}
