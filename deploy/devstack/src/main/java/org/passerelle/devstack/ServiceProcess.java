package org.passerelle.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Passerelle service (target/quarkus-app) running as its own process, as in production. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private static final java.util.regex.Pattern DOWN_CHECK =
            java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"");

    private final String name;
    private final Path runJar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    /**
     * Options of a JVM that lives a test's minutes: C1 only, and the code cache of the default (with C1 only the
     * JVM would reserve 48 MB, and a full code cache stops compiling or fails with "Out of space in CodeCache").
     */
    static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";

    private List<String> javaOptions = List.of();
    private Process process;

    public ServiceProcess(String name, Path runJar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.runJar = runJar;
        this.port = port;
        this.environment = environment;
        this.logFile = logFile;
    }

    /**
     * A service that lives as long as a test: its JVM compiles with C1 only, which boots it with about 40 % less
     * CPU; the optimising compiler would not pay off in minutes (and a benchmark must not use this).
     */
    public ServiceProcess forTests() {
        javaOptions = List.of(SHORT_LIVED_JVM.split(" "));
        return this;
    }

    public void start() throws IOException {
        if (!Files.exists(runJar)) {
            throw new IllegalStateException(runJar + " is missing: build with ./mvnw package -DskipTests");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                // the heap grows with what the service holds and gives back what it no longer needs: an idle
                // service does not keep its busiest hour's heap resident
                "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40"));
        command.addAll(javaOptions);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-jar", runJar.toString()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // glibc's per-thread arenas hold memory for nothing here
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        process = builder.start();
    }

    /** True once /q/health/ready answers UP. */
    public boolean isReady() {
        return healthStatus("/q/health/ready") == 200;
    }

    /** Names of the readiness checks that are down, e.g. "OIDC Provider Health Check"; empty if unknown. */
    public String downChecks() {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            var matcher = DOWN_CHECK.matcher(body);
            List<String> names = new ArrayList<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return String.join(", ", names);
        } catch (IOException e) {
            return "not answering yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    int healthStatus(String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM, so Quarkus shuts down gracefully; SIGKILL if it has not ended after the grace period. */
    public void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crashed machine or an OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
