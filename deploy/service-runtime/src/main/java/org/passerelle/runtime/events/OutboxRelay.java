package org.passerelle.runtime.events;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode) and marks them published.
 *
 * <ul>
 * <li>One relay at a time per service: the instance that holds a PostgreSQL advisory lock publishes; the others
 * wait and take over when its connection ends. So each row is published by one instance, in order.</li>
 * <li>Rows go out by {@code position}: per aggregate that is the commit order, and the record key (the
 * aggregate id) keeps them on one partition. The producer is idempotent with acks=all, so a retry neither
 * duplicates nor reorders within a partition.</li>
 * <li>A commit that wrote an event notifies the channel {@value #CHANNEL}; the relay listens on it and also
 * looks every poll interval.</li>
 * <li>While Kafka is unreachable, rows wait in the table and the relay retries with a growing pause.</li>
 * </ul>
 * A crash between the send and the update publishes a row twice: consumers skip repeats by event id.
 */
public class OutboxRelay implements Runnable {

    public static final String CHANNEL = "outbox_event";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** One advisory lock key for all services: each has its own database. */
    private static final long LEADER_LOCK = 0x7061737365726cL;

    private final DataSource dataSource;
    private final Map<String, Object> producerSettings;
    private final String service;
    private final EventsConfig.Relay settings;
    private volatile boolean running = true;
    private volatile boolean leader;
    private Connection connection;
    private KafkaProducer<String, String> producer;
    private Duration backoff = Duration.ZERO;
    private Instant nextPurge = Instant.EPOCH;
    private boolean kafkaTroubleReported;

    public OutboxRelay(DataSource dataSource, String bootstrapServers, String service, EventsConfig.Relay settings) {
        this.dataSource = dataSource;
        this.service = service;
        this.settings = settings;
        this.producerSettings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay");
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!holdLeadership()) {
                    waitForChange(settings.pollInterval());
                    continue;
                }
                int published = publishBatch();
                purgeIfDue();
                backoff = Duration.ZERO;
                if (published < settings.batchSize()) {
                    waitForChange(settings.pollInterval());
                }
            } catch (SQLException e) {
                LOG.warnf("Outbox relay lost its database connection (%s); retrying", e.getMessage());
                closeConnection();
                pause();
            } catch (KafkaUnavailable e) {
                if (!kafkaTroubleReported) {
                    LOG.warnf("Outbox relay cannot publish to Kafka (%s); events wait in the outbox and are retried", e.getMessage());
                    kafkaTroubleReported = true;
                }
                closeProducer();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stop() {
        running = false;
    }

    /** Releases the connection (and with it the leadership) and the producer. */
    public void close() {
        running = false;
        closeProducer();
        closeConnection();
    }

    public boolean isLeader() {
        return leader;
    }

    private boolean holdLeadership() throws SQLException {
        if (connection == null || connection.isClosed()) {
            leader = false;
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (var listen = connection.createStatement()) {
                listen.execute("listen " + CHANNEL);
            }
        }
        if (!leader) {
            try (var lock = connection.createStatement();
                 var result = lock.executeQuery("select pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
                result.next();
                leader = result.getBoolean(1);
                if (leader) {
                    LOG.infof("This instance now publishes the %s outbox", service);
                }
            }
        }
        return leader;
    }

    /** Sends the oldest unpublished rows, waits for Kafka's acknowledgements, marks those that were stored. */
    private int publishBatch() throws SQLException, InterruptedException {
        List<Row> rows = unpublished();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        try {
            // Kafka reachable before anything is sent: a record that fails on its way to the producer (metadata
            // not available) while the ones after it are delivered would be published out of order, and again
            for (String topic : rows.stream().map(row -> row.topic).distinct().toList()) {
                producer().partitionsFor(topic);
            }
            for (Row row : rows) {
                sends.add(producer().send(row.toRecord(service)));
            }
            producer().flush();
        } catch (RuntimeException e) {
            throw new KafkaUnavailable(e);
        }
        List<UUID> stored = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < rows.size() && failure == null; i++) {
            try {
                sends.get(i).get();
                stored.add(rows.get(i).id);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = new KafkaUnavailable(e.getCause());
            }
        }
        markPublished(stored);
        if (failure != null) {
            throw failure;
        }
        if (kafkaTroubleReported) {
            LOG.info("Outbox relay publishes to Kafka again");
            kafkaTroubleReported = false;
        }
        return rows.size();
    }

    private List<Row> unpublished() throws SQLException {
        try (var select = connection.prepareStatement("""
                select id, topic, aggregate_id, type, payload::text, occurred_at
                from outbox_event where published_at is null order by position limit ?""")) {
            select.setInt(1, settings.batchSize());
            try (var result = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getTimestamp(6).toInstant()));
                }
                return rows;
            }
        }
    }

    private void markPublished(List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (var update = connection.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            update.executeUpdate();
        }
    }

    private void purgeIfDue() throws SQLException {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        try (var purge = connection.prepareStatement("delete from outbox_event where published_at < ?")) {
            purge.setTimestamp(1, Timestamp.from(Instant.now().minus(settings.retention())));
            int deleted = purge.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Purged %d published outbox rows older than %s", deleted, settings.retention());
            }
        }
        nextPurge = Instant.now().plus(settings.purgeEvery());
    }

    /** Blocks until a commit notifies the channel or the timeout passes. */
    private void waitForChange(Duration timeout) throws SQLException {
        PGConnection listener = connection.unwrap(PGConnection.class);
        listener.getNotifications((int) Math.max(1, timeout.toMillis()));
    }

    private void pause() {
        backoff = backoff.isZero() ? Duration.ofMillis(200) : backoff.multipliedBy(2);
        if (backoff.compareTo(settings.maxBackoff()) > 0) {
            backoff = settings.maxBackoff();
        }
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                // at once: records still buffered must not reach Kafka after the rows were given up for a retry
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a producer that cannot reach Kafka: nothing more to do
            }
            producer = null;
        }
    }

    private void closeConnection() {
        leader = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone already
            }
            connection = null;
        }
    }

    private record Row(UUID id, String topic, String aggregateId, String type, String payload, Instant occurredAt) {

        ProducerRecord<String, String> toRecord(String service) {
            var headers = new RecordHeaders();
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(id.toString()));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes("/passerelle/" + service));
            headers.add("ce_time", bytes(occurredAt.toString()));
            headers.add("ce_subject", bytes(aggregateId));
            headers.add("content-type", bytes("application/json"));
            return new ProducerRecord<>(topic, null, aggregateId, payload, headers);
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final class KafkaUnavailable extends RuntimeException {
        KafkaUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
