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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Nominations per second through the API of the packaged mobility-service (real PostgreSQL, Kafka, and tokens
 * checked against a real Keycloak), compared in the same run with pgbench committing one row plus one outbox
 * row (and its notification) per transaction at the same concurrency; then the latency of GET one mobility at
 * a fixed request rate; and the service's resident memory (RSS) meanwhile. For each phase it prints the CPU time
 * each process (and each of the service's threads) used per request, so that a figure taken on a busy machine
 * says so ("other processes"), and where a nomination's cost lies.
 *
 * Run (after ./mvnw install -DskipTests; pgbench from Debian's postgresql-client and wrk on the PATH):
 *   ./mvnw -q -pl deploy/e2e test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.passerelle.e2e.NominationBenchmark -Dexec.args="8 30 200 30"
 * Arguments: concurrency, seconds of nominations (and of pgbench), GET requests per second, seconds of GETs.
 * System properties:
 *   -Dbench.warmup=60        seconds of nominations before the measured ones (the JIT compilers' work)
 *   -Dbench.conditions=1     conditions the nominations are spread over (each its own quota row)
 *   -Dbench.statements=true  prints pg_stat_statements per nomination
 *   -Dbench.app=/path/to/quarkus-app   runs that copy of the packaged service instead of mobility-service/target's
 *   -Dbench.jfr=/tmp/mobility.jfr      the service runs with a flight recording (profile settings) written there on exit
 *   -Dbench.http=2           the GET phase's JDK client speaks HTTP/2 (one connection) instead of HTTP/1.1
 */
public final class NominationBenchmark {

    private static final Path ROOT = repositoryRoot();
    /**
     * HTTP/1.1 by default, as partners' scripts (curl, requests) speak it: one connection per client. With
     * -Dbench.http=2 the JDK client upgrades to HTTP/2 and multiplexes every client over one connection, which one
     * event-loop thread of the service then serves alone.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version("2".equals(System.getProperty("bench.http")) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .build();

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
            boolean statements = Boolean.getBoolean("bench.statements");
            if (statements) {   // -Dbench.statements: what PostgreSQL executed per nomination, from pg_stat_statements
                try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresNode.USER, PostgresNode.PASSWORD);
                     var statement = connection.createStatement()) {
                    statement.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
                }
                postgres.stop();
                postgres.start();
            }
            postgres.ensureDatabase("mobility");
            postgres.ensureDatabase("bench");
            kafka.start();
            var environment = new java.util.HashMap<>(Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("mobility"),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl()));
            String recording = System.getProperty("bench.jfr");
            if (recording != null) {   // a flight recording of the service, to see where a nomination's time goes
                environment.put("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=settings=profile,filename=" + Path.of(recording).toAbsolutePath());
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
            // -Dbench.conditions=N spreads the nominations over N conditions (each its own quota row); 1 by default
            List<UUID> condition = new ArrayList<>();
            for (int i = Integer.getInteger("bench.conditions", 1); i > 0; i--) {
                condition.add(UUID.randomUUID());
            }
            TestEvents.sendTo(kafka.bootstrapServers(), "agreements.agreement.events", UUID.randomUUID(),
                    "passerelle.agreements.AgreementActivated.v1", agreement.toString(), activated(agreement, condition));
            awaitFirstNomination(mobility, token, agreement, condition);

            var rss = new RssSampler(mobility.pid());
            rss.start();
            // warm-up: until the JIT compilers have compiled the nomination's path, they take a third of the service's CPU
            nominate(mobility, token, agreement, condition, concurrency, Integer.getInteger("bench.warmup", 60), work);
            var processes = Map.of(mobility.pid(), "mobility-service", keycloak.pid(), "Keycloak",
                    ProcessHandle.current().pid(), "Kafka broker (benchmark's JVM)", postmaster(postgres), "PostgreSQL");
            var threadsBefore = CpuTime.threadsOf(mobility.pid());
            var generatorBefore = CpuTime.threadsOf(ProcessHandle.current().pid());
            if (statements) {
                statementsOf(postgres, null);
            }
            var cpuBefore = CpuTime.sample(processes);
            var api = nominate(mobility, token, agreement, condition, concurrency, seconds, work);
            var apiCpu = CpuTime.sample(processes).minus(cpuBefore);
            var threadsAfter = CpuTime.threadsOf(mobility.pid());
            var generatorAfter = CpuTime.threadsOf(ProcessHandle.current().pid());
            if (statements) {
                statementsOf(postgres, api);
            }
            var pgbenchCpuBefore = CpuTime.sample(processes);
            double pgbench = pgbench(postgres, concurrency, seconds, work);
            var pgbenchCpu = CpuTime.sample(processes).minus(pgbenchCpuBefore);
            String one = oneMobility(mobility, token, agreement, condition);
            getAtRate(mobility, token, one, getRate, Math.min(getSeconds, 20));   // warm-up of the read path
            var getCpuBefore = CpuTime.sample(processes);
            var gets = getAtRate(mobility, token, one, getRate, getSeconds);
            var getCpu = CpuTime.sample(processes).minus(getCpuBefore);
            rss.stopSampling();

            System.out.printf("%nnominations through the API, %d clients, %d s: %.1f/s (%d created, %d refused), latency p50 %.1f ms, p99 %.1f ms%n",
                    concurrency, seconds, api.perSecond(), api.created(), api.refused(), api.p(50), api.p(99));
            System.out.printf("pgbench, %d clients, %d s, one row + one outbox row + notify per transaction: %.1f tps%n",
                    concurrency, seconds, pgbench);
            System.out.printf("API / pgbench: %.1f %%%n", 100 * api.perSecond() / pgbench);
            System.out.printf("CPU per nomination through the API (ms): %s%n", apiCpu.perUnit(api.created()));
            System.out.printf("CPU per pgbench transaction (ms): %s%n", pgbenchCpu.perUnit(pgbench * seconds));
            System.out.printf("mobility-service's CPU per nomination by thread (ms): %s%n", threadsAfter.minus(threadsBefore).perUnit(api.created()));
            System.out.printf("benchmark JVM's CPU per nomination by thread (ms): %s%n", generatorAfter.minus(generatorBefore).perUnit(api.created()));
            System.out.printf("GET one mobility at %d/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
                    getRate, getSeconds, gets.p(50), gets.p(99), gets.p(100), gets.refused());
            System.out.printf("CPU per GET (ms): %s%n", getCpu.perUnit(gets.created() + gets.refused()));
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

    private static String activated(UUID agreement, List<UUID> conditions) {
        var each = conditions.stream().map(condition -> """
                {"id":"%s","sendingInstitution":"univ-lyon1.fr","receivingInstitution":"sjtu.edu.cn",
                   "mobilityType":"SUMMER_TRAINING","placesPerYear":10000000,"firstAcademicYear":"2025/2026",
                   "lastAcademicYear":"2029/2030","minimumDays":null,"maximumDays":null}""".formatted(condition)).toList();
        return """
                {"agreementId":"%s","kind":"BILATERAL_EXCHANGE","parties":["sjtu.edu.cn","univ-lyon1.fr"],
                 "firstAcademicYear":"2025/2026","lastAcademicYear":"2029/2030","contentHash":"%s","activatedAt":"2026-03-12T09:30:00Z",
                 "conditions":[%s]}"""
                .formatted(agreement, "c".repeat(64), String.join(",", each));
    }

    private static String nomination(UUID agreement, List<UUID> conditions, int n) {
        return nomination(agreement).replace("CONDITION", conditions.get(Math.floorMod(n, conditions.size())).toString())
                .replace("NUMBER", String.valueOf(n));
    }

    /** A nomination's JSON, with CONDITION and NUMBER (of its email) left to fill in. */
    private static String nomination(UUID agreement) {
        return """
                {"agreementId":"%s","conditionId":"CONDITION","academicYear":"2026/2027","plannedArrival":"2027-07-05",\
                "plannedDeparture":"2027-07-30","person":{"givenName":"Éloïse","familyName":"D'Aubigné",\
                "email":"bench.NUMBER@etu.univ-lyon1.fr","ine":"123456789AB"},"requestedSessions":[]}""".formatted(agreement);
    }

    private static HttpRequest post(ServiceProcess service, String token, String json) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/mobilities")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static void awaitFirstNomination(ServiceProcess service, String token, UUID agreement, List<UUID> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (HTTP.send(post(service, token, nomination(agreement, condition, -1)), HttpResponse.BodyHandlers.ofString()).statusCode() != 201) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mobility-service never took the agreement in force");
            }
            Thread.sleep(200);
        }
    }

    /** Requests answered and refused, and latency in ms at percentiles (50, 99, and 100 where measured). */
    private record Run(int created, int refused, double seconds, Map<Integer, Double> millis) {
        double perSecond() {
            return created / seconds;
        }

        double p(int percentile) {
            return millis.getOrDefault(percentile, Double.NaN);
        }

        /** p50, p99 and the maximum of latencies in microseconds. */
        static Map<Integer, Double> percentilesOf(List<Long> micros) {
            var sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            var millis = new java.util.TreeMap<Integer, Double>();
            for (int percentile : new int[] {50, 99, 100}) {
                int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
                if (!sorted.isEmpty()) {
                    millis.put(percentile, sorted.get(Math.max(0, index)) / 1000.0);
                }
            }
            return millis;
        }
    }

    /**
     * {@code clients} connections nominate back to back for {@code seconds}, driven by wrk (HTTP/1.1, keep-alive),
     * a load generator written in C like pgbench, so that the generator's own cost stays small beside the service's.
     * Each request nominates a new person (its email numbered by wrk's thread and request).
     */
    private static Run nominate(ServiceProcess service, String token, UUID agreement, List<UUID> conditions, int clients,
                                int seconds, Path work) throws Exception {
        Path script = work.resolve("nominate.lua");
        Files.writeString(script, """
                local conditions = {%s}
                local threads = 0
                function setup(thread) threads = threads + 1; thread:set("thread", threads) end
                local n = 0
                local headers = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
                function request()
                  n = n + 1
                  local body = string.format('%s', conditions[n %% #conditions + 1], thread, n)
                  return wrk.format("POST", "/api/mobilities", headers, body)
                end
                """.formatted(conditions.stream().map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(",")),
                token, nomination(agreement).replace("%", "%%").replace("'", "\\'")
                        .replace("CONDITION", "%s").replace("NUMBER", "%d.%d")));
        var process = new ProcessBuilder("wrk", "-t", String.valueOf(Math.min(clients, 2)), "-c", String.valueOf(clients),
                "-d", seconds + "s", "--latency", "--timeout", "30s", "-s", script.toString(), service.baseUrl())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        var total = Pattern.compile("([0-9]+) requests in ([0-9.]+)(ms|s|m|h),").matcher(output);
        if (!total.find()) {
            throw new IllegalStateException("wrk said:\n" + output);
        }
        int requests = Integer.parseInt(total.group(1));
        var non2xx = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)").matcher(output);
        int refused = non2xx.find() ? Integer.parseInt(non2xx.group(1)) : 0;
        var errors = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)").matcher(output);
        if (errors.find()) {
            refused += Integer.parseInt(errors.group(1)) + Integer.parseInt(errors.group(2)) + Integer.parseInt(errors.group(3))
                    + Integer.parseInt(errors.group(4));
        }
        var percentiles = new java.util.TreeMap<Integer, Double>();
        var latency = Pattern.compile("\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\b").matcher(output);
        while (latency.find()) {
            double value = Double.parseDouble(latency.group(2));
            double micros = switch (latency.group(3)) {
                case "us" -> value;
                case "ms" -> value * 1_000;
                default -> value * 1_000_000;
            };
            percentiles.put(Integer.parseInt(latency.group(1)), micros / 1000);
        }
        double elapsed = Double.parseDouble(total.group(2)) * switch (total.group(3)) {
            case "ms" -> 0.001;
            case "m" -> 60;
            case "h" -> 3600;
            default -> 1;
        };
        return new Run(requests - refused, refused, elapsed, percentiles);
    }

    /** One mobility created for the GET phase. */
    private static String oneMobility(ServiceProcess service, String token, UUID agreement, List<UUID> conditions) throws Exception {
        var response = HTTP.send(post(service, token, nomination(agreement, conditions, -2)), HttpResponse.BodyHandlers.ofString());
        var id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("nomination refused: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    /** The pid of the benchmark's PostgreSQL server (its backends are its children), from postmaster.pid. */
    private static long postmaster(PostgresNode postgres) throws java.io.IOException {
        return Long.parseLong(Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid")).get(0).trim());
    }

    /** Resets pg_stat_statements (run == null), or prints what each statement cost per nomination of the run. */
    private static void statementsOf(PostgresNode postgres, Run run) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("mobility"), PostgresNode.USER, PostgresNode.PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            if (run == null) {
                statement.execute("select pg_stat_statements_reset()");
                return;
            }
            try (var rows = statement.executeQuery("""
                    select calls, total_exec_time, rows, regexp_replace(left(query, 110), '\\s+', ' ', 'g') from pg_stat_statements
                    where dbid = (select oid from pg_database where datname = 'mobility') order by total_exec_time desc limit 25""")) {
                System.out.printf("%nPostgreSQL, per nomination: calls, execution ms, rows; statement%n");
                while (rows.next()) {
                    System.out.printf("%6.2f %7.4f %6.2f  %s%n", rows.getLong(1) / (double) run.created(), rows.getDouble(2) / run.created(),
                            rows.getLong(3) / (double) run.created(), rows.getString(4));
                }
            }
        }
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
            // sleeping, not spinning: a spinning generator takes a core from the service it measures
            for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
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
        return new Run(latencies.size(), errors.get(), (System.nanoTime() - start) / 1e9, Run.percentilesOf(latencies));
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

    /**
     * CPU time used by each process of the machine (utime + stime from /proc), grouped: the named pids (with the
     * children of the one named PostgreSQL: its backends), wrk and pgbench, and everything else; plus the machine's idle time. Differences of
     * two samples say where the CPU of a phase went.
     */
    private record CpuTime(Map<String, Long> ticksByGroup) {
        private static final double MS_PER_TICK = 10;   // USER_HZ is 100 on Linux

        static CpuTime sample(Map<Long, String> named) throws Exception {
            var ticks = new java.util.TreeMap<String, Long>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
                    String stat;
                    try {
                        stat = Files.readString(dir.resolve("stat"));
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    long pid = Long.parseLong(dir.getFileName().toString());
                    String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime
                    long parent = Long.parseLong(fields[1]);
                    String group = named.containsKey(pid) ? named.get(pid)
                            : named.containsKey(parent) && named.get(parent).equals("PostgreSQL") ? "PostgreSQL"   // its backends
                            : command.matches("pgbench|wrk") ? "wrk or pgbench" : "other processes";
                    if (group.equals("PostgreSQL")) {   // with the backends of closed connections (cutime, cstime)
                        used += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    }
                    ticks.merge(group, used, Long::sum);
                    if (pid == ProcessHandle.current().pid()) {   // wrk and pgbench, once this JVM has waited for them
                        ticks.merge("wrk or pgbench", Long.parseLong(fields[13]) + Long.parseLong(fields[14]), Long::sum);
                    }
                }
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            ticks.put("idle (both cores)", Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]));
            return new CpuTime(ticks);
        }

        /** CPU time of a process's threads, grouped by thread name without its numbers (executor-thread-3 counts as executor-thread-). */
        static CpuTime threadsOf(long pid) throws Exception {
            var ticks = new java.util.TreeMap<String, Long>();
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    String thread = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(thread, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                }
            }
            return new CpuTime(ticks);
        }

        CpuTime minus(CpuTime before) {
            var difference = new java.util.TreeMap<String, Long>();
            ticksByGroup.forEach((group, ticks) -> difference.put(group, ticks - before.ticksByGroup.getOrDefault(group, 0L)));
            return new CpuTime(difference);
        }

        String perUnit(double units) {
            var text = new StringBuilder();
            ticksByGroup.entrySet().stream().filter(group -> group.getValue() * MS_PER_TICK / units >= 0.005)   // leaves out idle threads
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(group -> text.append(String.format("%s %.2f, ", group.getKey(), group.getValue() * MS_PER_TICK / units)));
            return text.isEmpty() ? "none" : text.substring(0, text.length() - 2);
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
