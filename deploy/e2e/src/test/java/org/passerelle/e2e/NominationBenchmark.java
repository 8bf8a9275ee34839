package org.passerelle.e2e;

import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.KafkaNode;
import org.passerelle.devstack.KeycloakNode;
import org.passerelle.devstack.PostgresNode;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.testing.TestEvents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Nominations per second through the API of the packaged mobility-service (real PostgreSQL, Kafka, and tokens
 * checked against a real Keycloak), compared in the same run with pgbench committing one row plus one outbox
 * row (and its notification) per transaction at the same concurrency; then the latency of GET one mobility at
 * a fixed request rate; and the service's resident memory (RSS) meanwhile.
 *
 * Run (after ./mvnw install -DskipTests; pgbench from Debian's postgresql-client on the PATH):
 *   ./mvnw -q -pl deploy/e2e test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.passerelle.e2e.NominationBenchmark -Dexec.args="8 30 200 30"
 * Arguments: concurrency, seconds of nominations (and of pgbench), GET requests per second, seconds of GETs.
 * With -Dbench.app=/path/to/quarkus-app it runs that copy of the packaged service instead of mobility-service/target's.
 * With -Dbench.jfr=/tmp/mobility.jfr the service runs with a flight recording (profile settings) written there on exit.
 */
public final class NominationBenchmark {

    private static final Path ROOT = repositoryRoot();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int getRate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int getSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;

        Path work = Files.createTempDirectory("passerelle-bench-");
        var postgres = new PostgresNode(work.resolve("postgres"), FreePorts.next());
        var kafka = new KafkaNode(work.resolve("kafka"), FreePorts.next(), FreePorts.next());
        var keycloak = new KeycloakNode(ROOT.resolve("deploy/devstack/target/keycloak/keycloak-quarkus-dist.zip"), work.resolve("keycloak"),
                FreePorts.next(), FreePorts.next(), ROOT.resolve("deploy/keycloak/passerelle-realm.json"), work.resolve("keycloak.log"));
        ServiceProcess mobility = null;
        try {
            keycloak.start();
            postgres.start();
            postgres.ensureDatabase("mobility");
            postgres.ensureDatabase("bench");
            kafka.start();
            var environment = new java.util.HashMap<>(Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("mobility"),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl()));
            String recording = System.getProperty("bench.jfr");
            if (recording != null) {   // a flight recording of the service, to see where a nomination's time goes
                environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + Path.of(recording).toAbsolutePath());
            }
            // -Dbench.app=<a copy of quarkus-app> measures that build, whatever is being built in the tree meanwhile
            Path app = Path.of(System.getProperty("bench.app", ROOT.resolve("mobility-service/target/quarkus-app").toString()));
            mobility = new ServiceProcess("mobility-service", app.resolve("quarkus-run.jar"),
                    FreePorts.next(), environment, work.resolve("mobility-service.log"));
            mobility.start();
            keycloak.awaitReady(Duration.ofMinutes(4));
            awaitReady(mobility);
            String token = PlatformClient.token(keycloak, "coordinator.univ-lyon1");

            UUID agreement = UUID.randomUUID();
            UUID condition = UUID.randomUUID();
            TestEvents.sendTo(kafka.bootstrapServers(), "agreements.agreement.events", UUID.randomUUID(),
                    "passerelle.agreements.AgreementActivated.v1", agreement.toString(), activated(agreement, condition));
            awaitFirstNomination(mobility, token, agreement, condition);

            var rss = new RssSampler(mobility.pid());
            rss.start();
            nominate(mobility, token, agreement, condition, concurrency, 5);   // warm-up
            var api = nominate(mobility, token, agreement, condition, concurrency, seconds);
            double pgbench = pgbench(postgres, concurrency, seconds, work);
            String one = api.lastId();
            var gets = getAtRate(mobility, token, one, getRate, getSeconds);
            rss.stopSampling();

            System.out.printf("%nnominations through the API, %d clients, %d s: %.1f/s (%d created, %d refused), latency p50 %.1f ms, p99 %.1f ms%n",
                    concurrency, seconds, api.perSecond(), api.created(), api.refused(), api.p(50), api.p(99));
            System.out.printf("pgbench, %d clients, %d s, one row + one outbox row + notify per transaction: %.1f tps%n",
                    concurrency, seconds, pgbench);
            System.out.printf("API / pgbench: %.0f %%%n", 100 * api.perSecond() / pgbench);
            System.out.printf("GET one mobility at %d/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
                    getRate, getSeconds, gets.p(50), gets.p(99), gets.p(100), gets.refused());
            System.out.printf("mobility-service RSS: %d MiB at the start of the load, %d MiB max, %d MiB at the end%n",
                    rss.first() / 1024, rss.max() / 1024, rss.last() / 1024);
        } finally {
            PlatformClient.stopAll(new ServiceProcess[] {mobility}, keycloak, kafka, postgres);
        }
        System.exit(0);
    }

    /** The repository root, from the current directory or one of its parents (Maven runs in either). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mobility-service/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the repository");
    }

    private static String activated(UUID agreement, UUID condition) {
        return """
                {"agreementId":"%s","kind":"BILATERAL_EXCHANGE","parties":["sjtu.edu.cn","univ-lyon1.fr"],
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","contentHash":"%s","activatedAt":"2026-03-12T09:30:00Z",
                 "conditions":[{"id":"%s","sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                   "mobilityType":"SUMMER_TRAINING","placesPerYear":10000000,"firstAcademicYear":"2025/2026",
                   "lastAcademicYear":"2029/2030","minimumDays":null,"maximumDays":null}]}"""
                .formatted(agreement, "c".repeat(64), condition);
    }

    private static String nomination(UUID agreement, UUID condition, int n) {
        return """
                {"agreementId":"%s","conditionId":"%s","academicYear":"2026/2027","plannedArrival":"2027-07-05",
                 "plannedDeparture":"2027-07-30","person":{"givenName":"Éloïse","familyName":"D'Aubigné",
                 "email":"bench.%d@etu.univ-lyon1.fr","ine":"123456789AB"},"requestedSessions":[]}"""
                .formatted(agreement, condition, n);
    }

    private static HttpRequest post(ServiceProcess service, String token, String json) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/mobilities")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void awaitFirstNomination(ServiceProcess service, String token, UUID agreement, UUID condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (HTTP.send(post(service, token, nomination(agreement, condition, -1)), HttpResponse.BodyHandlers.ofString()).statusCode() != 201) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mobility-service never took the agreement in force");
            }
            Thread.sleep(200);
        }
    }

    /** Requests and their latencies. */
    private record Run(List<Long> micros, int created, int refused, double seconds, String lastId) {
        double perSecond() {
            return created / seconds;
        }

        double p(int percentile) {
            var sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.size() - 1, Math.ceil(percentile / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1000.0;
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** {@code clients} threads nominate back to back for {@code seconds}. */
    private static Run nominate(ServiceProcess service, String token, UUID agreement, UUID condition, int clients,
                                int seconds) throws Exception {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var created = new AtomicInteger();
        var refused = new AtomicInteger();
        var counter = new AtomicInteger();
        var lastId = new java.util.concurrent.atomic.AtomicReference<String>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        var response = HTTP.send(post(service, token, nomination(agreement, condition, counter.incrementAndGet())),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add((System.nanoTime() - t) / 1000);
                        if (response.statusCode() == 201) {
                            created.incrementAndGet();
                            var m = ID.matcher(response.body());
                            if (m.find()) {
                                lastId.set(m.group(1));
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        return new Run(latencies, created.get(), refused.get(), (System.nanoTime() - start) / 1e9, lastId.get());
    }

    /** GET one mobility at a fixed rate (open loop: a slow answer does not delay the next request). */
    private static Run getAtRate(ServiceProcess service, String token, String id, int rate, int seconds) throws Exception {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/mobilities/" + id)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long start = next;
        for (int i = 0; i < rate * seconds; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            long sent = System.nanoTime();
            pending.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies.add((System.nanoTime() - sent) / 1000);
                }
            }));
            next += interval;
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Run(latencies, latencies.size(), errors.get(), (System.nanoTime() - start) / 1e9, id);
    }

    /** pgbench at the same concurrency: what PostgreSQL alone does with the same writes per nomination. */
    private static double pgbench(PostgresNode postgres, int clients, int seconds, Path work) throws Exception {
        String setup = """
                create table if not exists bench_nomination (id uuid primary key, agreement_id uuid not null,
                    given_name varchar(200) not null, family_name varchar(200) not null, email varchar(320) not null,
                    academic_year char(9) not null, created_at timestamptz not null default now());
                create table if not exists bench_outbox (position bigserial primary key, id uuid not null,
                    aggregate_id uuid not null, type varchar(200) not null, payload jsonb not null,
                    created_at timestamptz not null default now());
                """;
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("bench"), PostgresNode.USER, PostgresNode.PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute(setup);
        }
        Path script = work.resolve("nomination.sql");
        Files.writeString(script, """
                BEGIN;
                INSERT INTO bench_nomination (id, agreement_id, given_name, family_name, email, academic_year)
                  VALUES (gen_random_uuid(), gen_random_uuid(), 'Éloïse', 'D''Aubigné', 'bench@etu.univ-lyon1.fr', '2026/2027');
                INSERT INTO bench_outbox (id, aggregate_id, type, payload)
                  VALUES (gen_random_uuid(), gen_random_uuid(), 'passerelle.mobility.MobilityNominated.v1', '{"academicYear":"2026/2027"}');
                SELECT pg_notify('outbox_event', '');
                COMMIT;
                """);
        var process = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-f", script.toString(), "-h", "127.0.0.1", "-p", String.valueOf(postgres.port()), "-U", PostgresNode.USER, "bench")
                .redirectErrorStream(true);
        process.environment().put("PGPASSWORD", PostgresNode.PASSWORD);
        var started = process.start();
        String output = new String(started.getInputStream().readAllBytes());
        started.waitFor();
        var tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static void awaitReady(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!service.isReady()) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + " not ready; log:\n" + Files.readString(service.logFile()));
            }
            Thread.sleep(500);
        }
    }

    /** Samples VmRSS of a process every 500 ms. */
    private static final class RssSampler extends Thread {
        private final long pid;
        private final AtomicLong first = new AtomicLong(-1);
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private volatile boolean running = true;

        RssSampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            first.compareAndSet(-1, kib);
                            max.accumulateAndGet(kib, Math::max);
                            last.set(kib);
                        }
                    }
                    Thread.sleep(500);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        long first() {
            return first.get();
        }

        long max() {
            return max.get();
        }

        long last() {
            return last.get();
        }
    }
}
