package org.passerelle.devstack;

import org.passerelle.devstack.demo.FoundingStory;
import org.passerelle.devstack.origin.OneOrigin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs the whole platform on one machine: PostgreSQL, Kafka and Keycloak from Maven Central artifacts, then
 * the four services as separate processes. Shows what starts and when it is ready, prints the URLs, and stops
 * everything on Ctrl-C or SIGTERM. Started by ./deploy/run.
 */
public final class Launcher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final LaunchSettings settings;
    private final long startedAt = System.nanoTime();
    private final PostgresNode postgres;
    private final KafkaNode kafka;
    private final KeycloakNode keycloak;
    private final MailNode mail = new MailNode(System.getenv());
    private final List<ServiceProcess> services = new ArrayList<>();
    private OneOrigin oneOrigin;
    private volatile boolean stopping;
    private StateLock stateLock;

    Launcher(LaunchSettings settings) {
        this.settings = settings;
        Path state = settings.stateDirectory();
        postgres = new PostgresNode(state.resolve("postgres"), settings.postgresPort());
        kafka = new KafkaNode(state.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        keycloak = new KeycloakNode(settings.keycloakDistribution(), state.resolve("keycloak"),
                settings.keycloakPort(), settings.keycloakManagementPort(), settings.realmFile(),
                state.resolve("logs/keycloak.log"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> environment = settings.serviceEnvironment(spec);
            environment.putAll(mail.serviceEnvironment());
            services.add(new ServiceProcess(spec.name(), settings.root().resolve(spec.runJar()),
                    settings.servicePort(spec), environment,
                    state.resolve("logs/" + spec.name() + ".log")));
        }
    }

    public static void main(String[] args) throws Exception {
        quietLibraries();
        LaunchSettings settings;
        try {
            settings = LaunchSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(LaunchSettings.USAGE);
            return;
        }
        StateLock lock;
        try {
            lock = StateLock.take(settings.stateDirectory());
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(4);
            return;
        }
        List<String> taken = settings.takenPorts();
        if (!taken.isEmpty()) {
            taken.forEach(t -> System.err.println("Port already taken: " + t));
            System.err.println("Stop what uses it, or choose another port with the environment variable named.");
            System.exit(3);
            return;
        }
        var launcher = new Launcher(settings);
        launcher.stateLock = lock;
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "passerelle-stop"));
        try {
            launcher.startAll();
        } catch (Exception e) {
            if (launcher.stopping) {
                return; // stopped while starting: the shutdown hook does the rest
            }
            System.err.println();
            System.err.println("Passerelle did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.watch();
    }

    void startAll() throws Exception {
        if (settings.reset()) {
            say("Resetting state in " + settings.stateDirectory());
            deleteTree(settings.stateDirectory().resolve("postgres"));
            deleteTree(settings.stateDirectory().resolve("kafka"));
            deleteTree(settings.stateDirectory().resolve("keycloak"));
        }
        Files.createDirectories(settings.stateDirectory().resolve("logs"));
        say("State folder: " + settings.stateDirectory() + " (logs in logs/)");

        // Keycloak is the slowest: start it first and let the rest come up beside it
        say("starting Keycloak on port " + settings.keycloakPort() + " (first start unpacks it: about 30-60 s)");
        keycloak.start();

        say("starting PostgreSQL on port " + settings.postgresPort());
        CompletableFuture<Void> database = CompletableFuture.runAsync(this::startPostgres);
        say("starting Kafka (KRaft) on port " + settings.kafkaPort());
        CompletableFuture<Void> broker = CompletableFuture.runAsync(this::startKafka);
        CompletableFuture.allOf(database, broker).join();
        mail.start();
        ready("Mail (GreenMail)", mail.where());

        for (ServiceProcess service : services) {
            say("starting " + service.name() + " on port " + service.port());
            service.start();
        }
        startOneOrigin();
        awaitEverythingReady();
        loadDemoData();
        printWelcome();
    }

    /** The four services behind one port, routed as the Kubernetes Ingress routes them. */
    private void startOneOrigin() {
        List<OneOrigin.Backend> backends = ServiceSpec.ALL.stream().map(spec -> new OneOrigin.Backend(spec.name(),
                "127.0.0.1", settings.servicePort(spec), spec.apiPrefixes())).toList();
        oneOrigin = OneOrigin.start(settings.serviceHost(), settings.originPort(), backends, keycloak.realmUrl());
        say("one origin on " + originUrl() + " (the four services, Swagger UI, the merged OpenAPI document)");
    }

    private String originUrl() {
        return "http://127.0.0.1:" + settings.originPort();
    }

    /** The founding story, once: the state folder keeps it between runs. */
    private void loadDemoData() throws InterruptedException {
        if (settings.empty()) {
            say("starting empty (--empty): no demo data");
            return;
        }
        var story = new FoundingStory(new FoundingStory.Urls(url("agreements-service"), url("mobility-service"),
                url("curriculum-service"), url("identity-service"),
                "http://127.0.0.1:" + settings.keycloakPort() + "/realms/passerelle/protocol/openid-connect/token"), this::say);
        if (story.alreadyPlayed()) {
            say("demo data: loaded in an earlier run");
            return;
        }
        try {
            story.play();
            say("demo data: loaded");
        } catch (RuntimeException e) {
            say("demo data could not be loaded (" + e.getMessage() + "); the platform runs without it");
        }
    }

    private String url(String service) {
        return "http://127.0.0.1:" + settings.servicePort(ServiceSpec.named(service));
    }

    private void startPostgres() {
        try {
            postgres.start();
            for (ServiceSpec spec : ServiceSpec.ALL) {
                postgres.ensureDatabase(spec.database());
            }
            ready("PostgreSQL", "databases " + String.join(", ", ServiceSpec.databases()));
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void startKafka() {
        try {
            kafka.start();
            var topics = EventTopics.declaredIn(settings.root().resolve("docs/events/asyncapi.yaml"));
            EventTopics.create(kafka.bootstrapServers(), topics);
            ready("Kafka", kafka.bootstrapServers() + ", " + topics.size() + " topics of docs/events/asyncapi.yaml");
        } catch (Exception e) {
            throw new IllegalStateException("Kafka: " + e.getMessage(), e);
        }
    }

    private void awaitEverythingReady() throws InterruptedException {
        Map<String, Boolean> readiness = new LinkedHashMap<>();
        readiness.put("Keycloak", false);
        services.forEach(s -> readiness.put(s.name(), false));
        long lastReport = System.nanoTime();
        while (readiness.containsValue(false)) {
            if (elapsed().compareTo(READY_TIMEOUT) > 0) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toMinutes() + " minutes: "
                        + waitingFor(readiness) + "; see the logs in " + settings.stateDirectory().resolve("logs"));
            }
            if (!readiness.get("Keycloak")) {
                if (!keycloak.isRunning()) {
                    throw new IllegalStateException("Keycloak ended; last lines of its log:\n"
                            + tail(settings.stateDirectory().resolve("logs/keycloak.log")));
                }
                if (keycloak.isReady()) {
                    readiness.put("Keycloak", true);
                    ready("Keycloak", keycloak.realmUrl());
                }
            }
            for (ServiceProcess service : services) {
                if (readiness.get(service.name())) {
                    continue;
                }
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " ended with code " + service.exitValue()
                            + "; last lines of its log:\n" + tail(service.logFile()));
                }
                if (service.isReady()) {
                    readiness.put(service.name(), true);
                    ready(service.name(), service.baseUrl());
                }
            }
            if (stopping) {
                return;
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                say("waiting for " + waitingFor(readiness));
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    /** Keeps running until Ctrl-C; a service that ends on its own is reported and started again. */
    void watch() throws Exception {
        long now = System.nanoTime();
        List<ServiceSupervisor> supervisors = services.stream()
                .map(s -> new ServiceSupervisor(s, this::say, now)).toList();
        while (!stopping) {
            for (ServiceSupervisor supervisor : supervisors) {
                synchronized (this) { // never start a service while stopAll stops them
                    if (!stopping) {
                        supervisor.check(System.nanoTime());
                    }
                }
            }
            Thread.sleep(1000);
        }
    }

    void stopAll() {
        synchronized (this) {
            stopping = true;
        }
        say("stopping");
        if (oneOrigin != null) {
            oneOrigin.close();
        }
        services.parallelStream().forEach(s -> s.stop(Duration.ofSeconds(20)));
        keycloak.stop();
        kafka.stop();
        postgres.stop();
        mail.stop();
        releaseStateLock();
        say("stopped");
    }

    private void releaseStateLock() {
        try {
            if (stateLock != null) {
                stateLock.close();
            }
        } catch (IOException e) {
            // the operating system releases it when this process ends anyway
        }
    }

    private void printWelcome() {
        String token = "http://127.0.0.1:" + settings.keycloakPort() + "/realms/passerelle/protocol/openid-connect/token";
        System.out.printf("%nPasserelle is ready after %.1f s.%n%n", seconds());
        System.out.printf("  %-20s %s/api/...   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi   login example %s/%n",
                "one origin", originUrl(), originUrl(), originUrl(), originUrl());
        for (ServiceProcess s : services) {
            System.out.printf("  %-20s %s/q/swagger-ui   (API %s)%n", s.name(), s.baseUrl(),
                    ServiceSpec.named(s.name()).apiPrefixes());
        }
        System.out.printf("  %-20s http://127.0.0.1:%d/admin  (admin / see deploy/keycloak/README.md)%n",
                "Keycloak", settings.keycloakPort());
        System.out.printf("  %-20s %s%n", "Mail", mail.where());
        System.out.printf("%nA token for the Lyon 1 coordinator, then a call:%n");
        System.out.printf("  TOKEN=$(curl -s %s -d grant_type=password -d client_id=passerelle-cli \\%n"
                + "      -d username=coordinator.univ-lyon1 -d password=demo-only-password | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n", token);
        System.out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %s/api/institutions%n", originUrl());
        System.out.printf("%nLogs: %s   Stop: Ctrl-C%n", settings.stateDirectory().resolve("logs"));
    }

    /** What is not ready yet, and for a service which of its readiness checks are down. */
    private String waitingFor(Map<String, Boolean> readiness) {
        return String.join(", ", readiness.entrySet().stream().filter(e -> !e.getValue()).map(e -> {
            var service = services.stream().filter(s -> s.name().equals(e.getKey())).findFirst();
            String down = service.map(ServiceProcess::downChecks).orElse("");
            return down.isEmpty() ? e.getKey() : e.getKey() + " (" + down + ")";
        }).toList());
    }

    private void ready(String what, String where) {
        say(String.format("%-20s ready after %5.1f s  %s", what, seconds(), where));
    }

    private void say(String line) {
        System.out.printf("[%6.1f s] %s%n", seconds(), line);
    }

    private double seconds() {
        return elapsed().toMillis() / 1000.0;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 25), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The in-process broker and the embedded PostgreSQL log a lot; the launcher shows its own progress. */
    private static void quietLibraries() {
        for (String name : List.of("", "kafka", "org.apache.kafka", "io.zonky", "state.change.logger")) {
            Logger.getLogger(name).setLevel(Level.SEVERE);
        }
    }
}
