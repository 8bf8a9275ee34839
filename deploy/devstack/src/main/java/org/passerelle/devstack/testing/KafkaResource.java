package org.passerelle.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.passerelle.devstack.KafkaNode;

import java.util.Map;

/** Gives a service's tests a real Kafka broker (KRaft), one per test JVM. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaNode node;

    @Override
    public Map<String, String> start() {
        try {
            return Map.of("kafka.bootstrap.servers", node().bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        }
    }

    @Override
    public void stop() {
        // the broker outlives one application start; it stops with the JVM
    }

    /** The JVM's broker, started on first use. Tests that stop and restart Kafka use it. */
    public static synchronized KafkaNode node() throws Exception {
        if (node != null) {
            return node;
        }
        return startNode(); // KafkaNode starts the broker with its own class loader
    }

    private static KafkaNode startNode() throws Exception {
        node = KafkaNode.temporary();
        node.start();
        // the topics as declared, so that tests see the partitions production has
        var catalogue = org.passerelle.devstack.EventTopics.catalogueFrom(java.nio.file.Path.of(""));
        if (catalogue != null) {
            org.passerelle.devstack.EventTopics.create(node.bootstrapServers(),
                    org.passerelle.devstack.EventTopics.declaredIn(catalogue));
        }
        KafkaNode started = node;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-kafka"));
        return node;
    }
}
