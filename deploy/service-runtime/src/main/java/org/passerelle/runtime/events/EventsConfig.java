package org.passerelle.runtime.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox and its relay (prefix passerelle.events). */
@ConfigMapping(prefix = "passerelle.events")
public interface EventsConfig {

    /** The publishing service's short name, in types and topics: agreements, mobility, curriculum, identity. */
    String service();

    Relay relay();

    interface Relay {

        /** False to keep the relay off, e.g. in a test that publishes by hand. */
        @WithDefault("true")
        boolean enabled();

        /** How long the relay waits for a commit notification before looking anyway. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Longest wait between attempts while Kafka is unreachable. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Published rows are kept this long (to inspect or replay), then deleted. */
        @WithDefault("P7D")
        Duration retention();

        /** How often the relay deletes published rows older than the retention. */
        @WithDefault("10m")
        Duration purgeEvery();
    }
}
