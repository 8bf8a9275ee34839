package org.passerelle.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.passerelle.devstack.PostgresNode;

import java.util.Map;

/**
 * Gives a service's tests a real PostgreSQL: one server per test JVM, one database per service
 * (init argument "database", default "passerelle").
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresNode node;
    private String database = "passerelle";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            PostgresNode postgres = node();
            postgres.ensureDatabase(database);
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                    "quarkus.datasource.username", PostgresNode.USER,
                    "quarkus.datasource.password", PostgresNode.PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        // the server outlives one application start; it stops with the JVM
    }

    /** The JVM's server, started on first use. Tests that restart PostgreSQL use it. */
    public static synchronized PostgresNode node() throws Exception {
        if (node == null) {
            node = PostgresNode.temporary();
            node.start();
            PostgresNode started = node;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-postgres"));
        }
        return node;
    }
}
