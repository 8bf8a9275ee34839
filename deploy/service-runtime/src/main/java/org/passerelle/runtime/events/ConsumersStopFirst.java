package org.passerelle.runtime.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Stops consuming before the database goes away. Left alone, the Kafka connector closes with the CDI
 * container, after Hibernate has shut down, so events still in flight would fail on a closed database and
 * end in the dead letters. Terminating the connector first lets the event being handled finish, commits the
 * offsets of what was handled, and leaves the rest to be delivered again after the restart (and skipped if
 * it had been handled).
 */
@ApplicationScoped
public class ConsumersStopFirst {

    private static final Logger LOG = Logger.getLogger(ConsumersStopFirst.class);

    @Inject
    @Any
    Instance<KafkaConnector> connectors;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        long start = System.nanoTime();
        for (KafkaConnector connector : connectors) {
            connector.terminate(null);
        }
        LOG.debugf("Kafka consumers stopped in %d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
