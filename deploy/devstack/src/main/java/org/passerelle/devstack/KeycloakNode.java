package org.passerelle.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak server for the devstack, started from the Keycloak distribution zip
 * ({@code org.keycloak:keycloak-quarkus-dist}) as a child process in development mode, with the
 * {@code passerelle} realm imported from {@code deploy/keycloak/passerelle-realm.json}.
 *
 * <p>{@code home} is a state folder. The distribution is unpacked there once (into a temporary folder
 * first, then moved, so a half-unpacked distribution is never used) and reused by later starts. Its first
 * start builds it (Keycloak's augmentation, a third of a start); once ready, the node leaves a copy of the
 * built distribution, without data, beside the zip ({@code <zip folder>/<distribution>-built}), and a node
 * with another {@code home} starts from a copy of that instead of the zip, with no build step: the devstack's
 * realm tests, identity-service's and the end-to-end tests' Keycloaks build it once for the whole build. Keycloak
 * keeps its own data there too (the dev-file H2 database under {@code <distribution>/data}), so a second
 * start reuses the imported realm, its users and whatever was changed since: Keycloak imports a realm
 * only when it does not exist yet. When the realm file differs from the one imported last time, the node
 * discards Keycloak's data before starting, so that the current realm file is imported again.
 *
 * <p>Placeholders {@code ${NAME:default}} in the realm file are resolved by Keycloak at import time from
 * the environment of the Keycloak process, which inherits this JVM's environment (less {@code KC_*},
 * {@code QUARKUS_*} and {@code JAVA_OPTS}, so that settings meant for another Keycloak or service do not
 * leak in).
 *
 * <p>The bootstrap administrator of the {@code master} realm is taken from
 * {@code PASSERELLE_KEYCLOAK_ADMIN} / {@code PASSERELLE_KEYCLOAK_ADMIN_PASSWORD}, with demo defaults.
 */
public final class KeycloakNode {

    /** Name of the realm that the realm file defines. */
    static final String REALM = "passerelle";
    static final String DEFAULT_ADMIN = "admin";
    static final String DEFAULT_ADMIN_PASSWORD = "admin-demo-only";
    /**
     * The Keycloak JVM's options: kc.sh's own defaults, but for a development server that issues a token now and
     * then rather than a production one: the serial collector and a smaller heap (about 200 MiB less resident
     * memory than G1 with 512 MiB), and the C1 compiler only, which spares the two cores the C2 compilations that
     * compete with the services' start (the services check tokens themselves; Keycloak is not on a request's path).
     * The code cache keeps its usual size: with C1 only the JVM would reserve 48 MiB, which a long run fills. Tests
     * and ./deploy/run start Keycloak alike.
     */
    static final String JAVA_OPTS = "-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8"
            + " -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8"
            + " -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom"
            + " -Djdk.tls.rejectClientInitiatedRenegotiation=true"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -Xms32m -Xmx320m";

    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** In a built copy of the distribution: it is complete. */
    private static final String BUILT_MARKER = "passerelle-built";

    private final Path distributionZip;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Path realmFile;
    private final Path logFile;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Process process;
    private Thread shutdownHook;
    /** Where the SHA-256 of the last realm file imported is kept, and that of the one being imported. */
    private Path importedMarker;
    private String pendingImport;

    public KeycloakNode(Path distributionZip, Path home, int httpPort, int managementPort, Path realmFile, Path logFile) {
        this.distributionZip = Objects.requireNonNull(distributionZip, "distributionZip").toAbsolutePath();
        this.home = Objects.requireNonNull(home, "home").toAbsolutePath();
        this.realmFile = Objects.requireNonNull(realmFile, "realmFile").toAbsolutePath();
        this.logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath();
        this.httpPort = checkPort(httpPort, "httpPort");
        this.managementPort = checkPort(managementPort, "managementPort");
        if (httpPort == managementPort) {
            throw new IllegalArgumentException("httpPort and managementPort must differ: " + httpPort);
        }
    }

    /**
     * Adds variables to the environment of the Keycloak process (after the inherited ones), e.g. to
     * override a secret of the realm file. Takes effect at the next {@link #start()}.
     */
    public synchronized KeycloakNode withEnvironment(Map<String, String> environment) {
        extraEnvironment.putAll(environment);
        return this;
    }

    /**
     * Starts Keycloak and returns at once; see {@link #awaitReady(Duration)}. Does nothing if it is
     * already running.
     *
     * @throws IllegalStateException if a port is taken
     * @throws UncheckedIOException if the distribution cannot be unpacked or the process cannot start
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        requireFree(httpPort, "HTTP");
        requireFree(managementPort, "management");
        try {
            Path distribution = distribution();
            boolean importRealm = prepareImport(distribution);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            log("starting Keycloak from " + distribution + " on http://" + HOST + ":" + httpPort
                    + " (management port " + managementPort + ")");

            List<String> command = new ArrayList<>(List.of(
                    distribution.resolve("bin").resolve("kc.sh").toString(),
                    "start-dev",
                    "--http-host=" + HOST,
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort));
            if (importRealm) { // asked for only when needed: even a skipped import costs seconds at each start
                command.add("--import-realm");
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.directory(distribution.toFile());
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            configureEnvironment(builder.environment());

            process = builder.start();
            process.getOutputStream().close();
            shutdownHook = new Thread(this::stop, "keycloak-node-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak; see " + logFile, e);
        }
    }

    /** Whether the realm's OpenID Connect discovery document answers 200. */
    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            boolean ready = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            if (ready) {
                importDone();
            }
            return ready;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until {@link #isReady()}.
     *
     * @throws IllegalStateException naming the log file if the process is not running, exited, or was not
     *                               ready in time
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process current;
            synchronized (this) {
                current = process;
            }
            if (current == null) {
                throw new IllegalStateException("Keycloak is not started; see " + logFile);
            }
            if (!current.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + current.exitValue()
                        + " before it was ready; see " + logFile);
            }
            if (isReady()) {
                keepBuiltDistribution();
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + logFile);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak; see " + logFile, e);
            }
        }
    }

    /**
     * Stops Keycloak: the script and all its descendants (kc.sh starts a java child) get TERM, then KILL
     * if still alive after 15 s; returns once they all ended, so that the ports are free. Idempotent.
     */
    public synchronized void stop() {
        Process current = process;
        if (current == null) {
            return;
        }
        // collect the tree before signalling: once the script ends, its java child is no longer a descendant
        List<ProcessHandle> tree = new ArrayList<>();
        current.descendants().forEach(tree::add);
        tree.add(current.toHandle());

        tree.forEach(ProcessHandle::destroy);
        List<ProcessHandle> alive = awaitExit(tree, STOP_GRACE);
        if (!alive.isEmpty()) {
            log("Keycloak did not stop within " + STOP_GRACE.toSeconds() + " s; killing " + pids(alive));
            alive.forEach(ProcessHandle::destroyForcibly);
            alive = awaitExit(alive, KILL_WAIT);
            if (!alive.isEmpty()) {
                throw new IllegalStateException("Keycloak processes " + pids(alive) + " survived KILL; see " + logFile);
            }
        }
        process = null;
        log("Keycloak stopped");
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down
            }
        }
        shutdownHook = null;
    }

    public String realmUrl() {
        return "http://" + HOST + ":" + httpPort + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * The pid of the java process serving Keycloak if found (for RSS measurements), else that of the
     * start script; -1 when not started.
     */
    public synchronized long pid() {
        if (process == null) {
            return -1;
        }
        ProcessHandle script = process.toHandle();
        // kc.sh either runs java as its child or, after a re-augmentation, exec's into it
        return Stream.concat(Stream.of(script), process.descendants())
                .filter(h -> h.info().command().map(KeycloakNode::isJava).orElse(false))
                .findFirst()
                .orElse(script)
                .pid();
    }

    /**
     * Discards Keycloak's data (its database) so that the next start imports the realm file again.
     * Keeps the unpacked distribution.
     */
    synchronized void resetData() {
        if (isRunning()) {
            throw new IllegalStateException("Stop Keycloak before resetting its data");
        }
        try {
            deleteRecursively(distribution().resolve("data").resolve("h2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int httpPort() {
        return httpPort;
    }

    int managementPort() {
        return managementPort;
    }

    Path logFile() {
        return logFile;
    }

    // ---------------------------------------------------------------------------------------------

    private void configureEnvironment(Map<String, String> env) {
        // settings for another Keycloak or for a service must not reach this one
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_"));
        env.put("JAVA_OPTS", JAVA_OPTS);
        env.remove("JAVA_OPTS_APPEND"); // JAVA_OPTS above already runs it as tests want it: C1 only, default code cache
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", environment("PASSERELLE_KEYCLOAK_ADMIN", DEFAULT_ADMIN));
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", environment("PASSERELLE_KEYCLOAK_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD));
        env.putAll(extraEnvironment);
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Copies the realm file where {@code --import-realm} reads it and forgets an import of an older version.
     * True when Keycloak must import it: no realm was seen served from its data yet, or the realm file changed
     * since. Once Keycloak serves the realm, {@link #isReady()} notes which realm file it imported.
     */
    boolean prepareImport(Path distribution) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new NoSuchFileException(realmFile.toString(), null, "realm file not found");
        }
        byte[] realm = Files.readAllBytes(realmFile);
        String realmHash = sha256(realm);
        Path database = distribution.resolve("data").resolve("h2");
        importedMarker = distribution.resolve("data").resolve(REALM + "-realm.imported");
        String importedHash = Files.isRegularFile(importedMarker) ? Files.readString(importedMarker).strip() : null;
        if (Files.exists(database) && realmHash.equals(importedHash)) {
            pendingImport = null;
            return false;
        }
        if (Files.exists(database) && importedHash != null) {
            log("the realm file changed since it was imported: discarding Keycloak's data to import it again");
            deleteRecursively(database);
        }
        Path importDir = distribution.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Path partial = importDir.resolve(REALM + "-realm.json.partial");
        Files.write(partial, realm);
        Files.move(partial, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        pendingImport = realmHash;
        return true;
    }

    /** Notes that the realm file being imported is now served, so that later starts skip the import. */
    synchronized void importDone() {
        if (pendingImport == null) {
            return;
        }
        try {
            Files.writeString(importedMarker, pendingImport);
            pendingImport = null;
        } catch (IOException e) {
            log("could not note the realm import (" + e.getMessage() + "); the next start imports it again");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The unpacked distribution under {@code home}, unpacking the zip the first time. */
    private Path distribution() throws IOException {
        if (!Files.isRegularFile(distributionZip)) {
            throw new NoSuchFileException(distributionZip.toString(), null, "Keycloak distribution zip not found");
        }
        try (ZipFile zip = new ZipFile(distributionZip.toFile(), StandardCharsets.UTF_8)) {
            String root = rootFolder(zip);
            Path target = home.resolve(root);
            if (Files.isRegularFile(target.resolve("bin").resolve("kc.sh"))) {
                return target;
            }
            Files.createDirectories(home);
            removeLeftovers();
            deleteRecursively(target); // not a complete distribution: never moved here by this class
            Path staging = Files.createTempDirectory(home, ".unpacking-");
            try {
                Path unpacked = staging.resolve(root);
                Path built = builtCopy(root);
                if (Files.isRegularFile(built.resolve(BUILT_MARKER))) {
                    log("copying the distribution built by an earlier start from " + built);
                    copyRecursively(built, unpacked);
                } else {
                    unzip(zip, staging);
                }
                makeScriptsExecutable(unpacked.resolve("bin"));
                try {
                    Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrent) {
                    if (!Files.isRegularFile(target.resolve("bin").resolve("kc.sh"))) {
                        throw concurrent;
                    }
                }
            } finally {
                deleteRecursively(staging);
            }
            return target;
        }
    }

    /** Where a built copy of the distribution named {@code root} is kept: beside the zip, for every node of the build. */
    private Path builtCopy(String root) {
        return distributionZip.resolveSibling(root + "-built");
    }

    /**
     * Once Keycloak is ready its distribution is built (Keycloak's augmentation ran at the first start): keeps a
     * copy without data beside the zip, unless there is one. Staged and then moved, so that no node starts
     * from half a copy; the marker file is copied last. A failure only costs the next node the build step.
     */
    private void keepBuiltDistribution() {
        try {
            Path distribution = distribution();
            Path built = builtCopy(distribution.getFileName().toString());
            if (Files.exists(built) || !Files.isRegularFile(distribution.resolve("lib/quarkus/quarkus-application.dat"))) {
                return;
            }
            Path staging = Files.createTempDirectory(built.getParent(), ".built-");
            try {
                Path copy = staging.resolve("distribution");
                copyRecursively(distribution, copy, distribution.resolve("data"));
                Files.writeString(copy.resolve(BUILT_MARKER), "built by a start of " + distribution + System.lineSeparator());
                Files.move(copy, built, StandardCopyOption.ATOMIC_MOVE);
                log("kept the built distribution in " + built);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrent) {
                // another node kept its copy first
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException | UncheckedIOException e) {
            log("could not keep a copy of the built distribution: " + e);
        }
    }

    /** Copies a folder's tree, leaving out the folders in {@code except}. */
    private static void copyRecursively(Path from, Path to, Path... except) throws IOException {
        List<Path> skipped = List.of(except);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                if (skipped.stream().anyMatch(source::startsWith)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String rootFolder(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        if (!entries.hasMoreElements()) {
            throw new IOException("empty zip: " + zip.getName());
        }
        String first = entries.nextElement().getName();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw new IOException("expected one top-level folder in " + zip.getName() + ", found " + first);
        }
        return first.substring(0, slash);
    }

    private static void unzip(ZipFile zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("zip entry outside the target folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Zip entries carry no Unix mode that java.util.zip exposes: restore the execute bit of the scripts. */
    private static void makeScriptsExecutable(Path bin) throws IOException {
        try (Stream<Path> files = Files.list(bin)) {
            for (Path script : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".sh"))::iterator) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private void removeLeftovers() throws IOException {
        try (Stream<Path> children = Files.list(home)) {
            for (Path leftover : (Iterable<Path>) children
                    .filter(p -> p.getFileName().toString().startsWith(".unpacking-"))::iterator) {
                deleteRecursively(leftover);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<ProcessHandle> awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle handle : handles) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                alive.add(handle);
            } catch (ExecutionException e) {
                if (handle.isAlive()) {
                    alive.add(handle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (handle.isAlive()) {
                    alive.add(handle);
                }
            }
        }
        return alive;
    }

    private static String pids(List<ProcessHandle> handles) {
        return handles.stream().map(h -> Long.toString(h.pid())).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static boolean isJava(String command) {
        String name = Optional.ofNullable(Path.of(command).getFileName()).map(Path::toString).orElse(command);
        return name.equals("java") || name.equals("java.exe");
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's " + what + " port " + HOST + ":" + port + " is taken", e);
        }
    }

    private void log(String message) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "--- " + Instant.now() + " KeycloakNode: " + message + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a convenience; never fail because of it
        }
    }

    private static int checkPort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
        return port;
    }

    @Override
    public String toString() {
        return "KeycloakNode[" + realmUrl() + ", home=" + home + "]";
    }
}
