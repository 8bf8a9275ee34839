package org.passerelle.e2e;

import org.passerelle.devstack.FreePorts;
import org.passerelle.devstack.ServiceProcess;
import org.passerelle.devstack.origin.OneOrigin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the one origin of ./deploy/run adds to a request: the same GET sent to a packaged service directly and through
 * {@link OneOrigin} (vertx-http-proxy in the launcher's JVM, here this JVM), one request at a time over a kept-alive
 * HTTP/1.1 connection each, the two alternating so that the machine's other work weighs on both alike. The request
 * is Swagger UI's page (about 3 kB, served by the service from memory), so that the figures are the proxy's and the
 * network stack's, not a database's; the service needs no PostgreSQL, Kafka or Keycloak for it.
 *
 * Run from the repository (a program, not a test: neither surefire nor failsafe runs it):
 *   ./mvnw -q package -DskipTests -pl deploy/e2e -am
 *   java -cp "deploy/e2e/target/test-classes:deploy/devstack/target/classes:deploy/devstack/target/lib/*" \
 *     org.passerelle.e2e.ProxyLatencyBenchmark 20000 5000
 * Arguments: measured requests of each kind, warm-up requests of each kind.
 */
public final class ProxyLatencyBenchmark {

    private static final String PATH = "/q/swagger-ui/index.html";

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("identity-service/pom.xml"))) {
            root = root.getParent();   // from the repository or one of its modules
        }
        Path work = Files.createTempDirectory("passerelle-proxy-bench-");
        int unused = FreePorts.next();   // no database: the service starts and waits for it, and serves its pages meanwhile
        var service = new ServiceProcess("identity-service", root.resolve("identity-service/target/quarkus-app/quarkus-run.jar"),
                FreePorts.next(), Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + unused + "/identity",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + unused), work.resolve("identity-service.log"));
        OneOrigin origin = null;
        try {
            service.start();
            origin = OneOrigin.start("127.0.0.1", 0, List.of(new OneOrigin.Backend("identity-service", "127.0.0.1",
                    service.port(), List.of("/api/institutions"))), "http://127.0.0.1:1/realms/passerelle");
            URI direct = URI.create("http://127.0.0.1:" + service.port() + PATH);
            URI proxied = URI.create("http://127.0.0.1:" + origin.port() + PATH);
            awaitAnswer(direct);
            HttpClient toService = client();
            HttpClient toOrigin = client();
            measure(toService, direct, toOrigin, proxied, warmup);
            long[][] figures = measure(toService, direct, toOrigin, proxied, requests);
            System.out.printf("%d requests of each kind (after %d of warm-up), GET %s, %d bytes%n", requests, warmup, PATH,
                    toService.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length);
            System.out.printf("%-26s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "p99.9");
            print("direct (service)", figures[0]);
            print("through the one origin", figures[1]);
            long[] added = new long[]{percentile(figures[1], 50) - percentile(figures[0], 50),
                    percentile(figures[1], 99) - percentile(figures[0], 99)};
            System.out.printf("added by the proxy: p50 %.3f ms, p99 %.3f ms%n", added[0] / 1e6, added[1] / 1e6);
        } finally {
            if (origin != null) {
                origin.close();
            }
            service.stop(Duration.ofSeconds(20));
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Nanoseconds of each request, direct in [0] and proxied in [1], sent in turn. */
    private static long[][] measure(HttpClient toService, URI direct, HttpClient toOrigin, URI proxied, int requests) throws Exception {
        long[][] nanos = new long[2][requests];
        for (int i = 0; i < requests; i++) {
            nanos[0][i] = timed(toService, direct);
            nanos[1][i] = timed(toOrigin, proxied);
        }
        Arrays.sort(nanos[0]);
        Arrays.sort(nanos[1]);
        return nanos;
    }

    private static long timed(HttpClient client, URI uri) throws Exception {
        long start = System.nanoTime();
        var answer = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode());
        }
        return took;
    }

    private static void awaitAnswer(URI uri) throws Exception {
        HttpClient client = client();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("identity-service does not answer " + uri);
            }
            Thread.sleep(200);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%-26s %8.3f %8.3f %8.3f %8.3f  ms%n", what, percentile(sorted, 50) / 1e6,
                percentile(sorted, 90) / 1e6, percentile(sorted, 99) / 1e6, percentile(sorted, 99.9) / 1e6);
    }
}
