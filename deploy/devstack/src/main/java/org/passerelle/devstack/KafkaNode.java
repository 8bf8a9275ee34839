package org.passerelle.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM.
 * Its log folder survives {@link #stop()} so that a stopped broker can be started again with its data,
 * as happens to a real broker that restarts.
 */
public final class KafkaNode implements AutoCloseable {

    private static final String CLUSTER_ID = "cGFzc2VyZWxsZS1kZXYx";
    /** Held so that the levels set on them stay: the JDK keeps loggers only weakly. */
    private static final List<Logger> QUIETED = Stream.of("kafka", "org.apache.kafka", "state.change.logger")
            .map(Logger::getLogger).toList();

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaNode(Path logDirectory, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A throw-away broker for one test JVM: a fresh log folder and free ports. */
    public static KafkaNode temporary() throws IOException {
        return new KafkaNode(Files.createTempDirectory("passerelle-kafka-"), FreePorts.next(), FreePorts.next());
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE)); // a broker logs every config at INFO, and routine warnings
        Files.createDirectories(logDirectory);
        Path properties = writeServerProperties();
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(properties);
        }
        // Kafka loads plugins (metrics reporters, the share-group persister) by name through the thread's context
        // class loader. In a test JVM that loader may be the application's, with Kafka classes of its own, and the
        // broker then fails at random (ClassCastException, NoSuchMethodException): start it with its own loader,
        // also when a test restarts it from a test thread.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        try {
            server = new KafkaRaftServer(new KafkaConfig(load(properties), false), Time.SYSTEM);
            server.startup();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    private void format(Path properties) {
        // execute() rather than main(): main() ends the JVM
        var output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] {"format", "-t", CLUSTER_ID, "-c", properties.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting the Kafka log folder failed: " + output);
        }
    }

    private Path writeServerProperties() throws IOException {
        var p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        Path file = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "single-node KRaft broker of the Passerelle devstack");
        }
        return file;
    }

    private static Properties load(Path file) throws IOException {
        var p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }
}
