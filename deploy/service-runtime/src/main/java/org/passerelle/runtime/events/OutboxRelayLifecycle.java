package org.passerelle.runtime.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.passerelle.runtime.health.DatabaseSchema;

/** Runs the service's {@link OutboxRelay} on its own thread once the database schema is in place. */
@ApplicationScoped
public class OutboxRelayLifecycle {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    @Readiness
    DatabaseSchema schema;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private OutboxRelay relay;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        relay = new OutboxRelay(dataSource, bootstrapServers, config.service(), config.relay());
        thread = new Thread(() -> {
            if (schema.awaitUpToDate()) {
                relay.run();
            }
        }, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (relay == null) {
            return;
        }
        relay.stop();
        thread.join(config.relay().pollInterval().toMillis() + 5000);
        relay.close();
    }

    public boolean isLeader() {
        return relay != null && relay.isLeader();
    }
}
