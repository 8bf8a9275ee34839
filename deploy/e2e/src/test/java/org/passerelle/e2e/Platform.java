package org.passerelle.e2e;

import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.KeycloakNode;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.ServiceSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform as production runs it: PostgreSQL, Kafka and Keycloak of the devstack, and the four
 * packaged services as separate processes, each on a free port, under target/e2e.
 */
final class Platform implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("passerelle.root", "../..")).toAbsolutePath().normalize();

    final PostgresNode postgres;
    final KafkaNode kafka;
    final KeycloakNode keycloak;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** The port of the one origin a test may start (OneOriginIT): the realm lets the web client log in from it. */
    final int originPort;
    private final Path work;
    private boolean started;

    Platform(Path work) throws Exception {
        this.work = work;
        Files.createDirectories(work);
        postgres = new PostgresNode(Files.createTempDirectory(work, "postgres-"), FreePorts.next());
        kafka = new KafkaNode(Files.createTempDirectory(work, "kafka-"), FreePorts.next(), FreePorts.next());
        keycloak = new KeycloakNode(Path.of(System.getProperty("passerelle.keycloak.distribution")), Files.createTempDirectory(work, "keycloak-"),
                FreePorts.next(), FreePorts.next(), Path.of(System.getProperty("passerelle.keycloak.realm")),
                work.resolve("keycloak.log"));
        originPort = FreePorts.next();
        keycloak.withEnvironment(Map.of("PASSERELLE_PORT", Integer.toString(originPort)));
    }

    /**
     * Starts everything (Keycloak may be running already) and waits until every service is ready; stops what
     * started if one does not come up. Once started, does nothing.
     */
    synchronized Platform start() throws Exception {
        if (started) {
            return this;
        }
        try {
            startAll();
            started = true;
            return this;
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    synchronized boolean isStarted() {
        return started;
    }

    private void startAll() throws Exception {
        keycloak.start();
        postgres.start();
        for (String database : ServiceSpec.databases()) {
            postgres.ensureDatabase(database);
        }
        kafka.start();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            var service = new ServiceProcess(spec.name(), ROOT.resolve(spec.runJar()), FreePorts.next(), environment(spec),
                    work.resolve(spec.name() + ".log")).forTests();
            services.put(spec.name(), service);
            service.start();
        }
        keycloak.awaitReady(Duration.ofMinutes(6));   // generous: the first start builds Keycloak, slow on a busy machine
        for (ServiceProcess service : services.values()) {
            awaitReady(service);
        }
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    private Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl(),
                "QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", keycloak.realmUrl().replaceFirst("/realms/.*$", "")));
        // a platform on one machine, as ./deploy/run's: webhooks may go to receivers on 127.0.0.1 (the tour's)
        environment.put("PASSERELLE_WEBHOOKS_LOCAL_TARGETS", "true");
        // the ports of the services started before, as ./deploy/run names them: identity-service asks them for exports
        services.forEach((name, service) -> environment.put(ServiceSpec.named(name).portVariable(), Integer.toString(service.port())));
        return environment;
    }

    static void awaitReady(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!service.isReady()) {
            assertTrue(service.isAlive(), service.name() + " ended; log:\n" + Files.readString(service.logFile()));
            assertTrue(System.nanoTime() < deadline, service.name() + " not ready (" + service.downChecks() + "); log:\n"
                    + Files.readString(service.logFile()));
            Thread.sleep(500);
        }
    }

    /** A demo user's token, from the real Keycloak. */
    String token(String username) throws Exception {
        return PlatformClient.token(keycloak, username);
    }

    @Override
    public void close() {
        PlatformClient.stopAll(services.values().toArray(ServiceProcess[]::new), keycloak, kafka, postgres);
    }
}
