package org.passerelle.identity;

import org.passerelle.devstack.testing.KafkaResource;

import java.util.Map;

/**
 * The devstack's test broker, started with the context class loader that loaded its Kafka classes. Test resources
 * start on a pool thread whose context class loader may be the application's, which has Kafka classes of its own:
 * Kafka then loads its metrics reporter from one and casts it to the other's interface (ClassCastException on
 * JmxReporter), failing the start at random.
 */
public class KafkaBroker extends KafkaResource {

    @Override
    public Map<String, String> start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaResource.class.getClassLoader());
        try {
            return super.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
