package org.passerelle.runtime.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.passerelle.runtime.events.EventType;
import org.passerelle.runtime.events.EventTypes;
import org.passerelle.runtime.events.EventsConfig;
import org.passerelle.runtime.events.OutboxRelay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes {@link PersonalDataRead} events to the outbox by group commit: a read waits until its record is committed
 * before its answer leaves, so a read is never missing from the audit, even if the service dies right after (a
 * service that dies before the commit never sent the answer). Reads that arrive while a batch is being written wait
 * for the next one and are written together, in one statement and one commit, on a connection of their own
 * (pool {@code read-audit}: autocommit, outside the read's transaction if it had one): the cost of a commit is shared by the reads of a batch.
 */
@ApplicationScoped
public class ReadAudit {

    /** Most rows one statement writes. */
    static final int MAX_BATCH = 200;

    private static final String ROW = "(?, ?, ?, ?, cast(? as jsonb), ?)";

    @Inject
    @DataSource("read-audit")
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    EventsConfig config;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Object writer = new Object();

    /** One read waiting for its record to be committed. */
    private static final class Pending {
        final String actor;
        final String payload;
        final Timestamp at;
        volatile boolean written;
        volatile RuntimeException failure;

        Pending(String actor, String payload, Timestamp at) {
            this.actor = actor;
            this.payload = payload;
            this.at = at;
        }
    }

    /** Returns once the read is in the outbox; throws if it could not be written (the answer must not be given). */
    public void record(PersonalDataRead read) {
        var pending = new Pending(read.actor() == null ? "anonymous" : read.actor(), serialize(read), Timestamp.from(read.readAt()));
        queue.add(pending);
        synchronized (writer) {
            // the writer before us may have taken our record with its batch
            while (!pending.written && pending.failure == null) {
                writeBatch();
            }
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
    }

    private void writeBatch() {
        var batch = new ArrayList<Pending>();
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            insert(batch);
            batch.forEach(p -> p.written = true);
        } catch (SQLException | RuntimeException e) {
            var failure = new IllegalStateException("The audit of personal data reads could not be written", e);
            batch.forEach(p -> p.failure = failure);
        }
    }

    private void insert(List<Pending> batch) throws SQLException {
        EventType type = EventTypes.of(PersonalDataRead.class);
        String sql = "with written as (insert into outbox_event (id, topic, aggregate_id, type, payload, occurred_at) values "
                + String.join(", ", java.util.Collections.nCopies(batch.size(), ROW))
                + " returning 1) select pg_notify('" + OutboxRelay.CHANNEL + "', '') from (select 1 from written limit 1) w";
        try (Connection connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            int i = 0;
            for (Pending p : batch) {
                statement.setObject(++i, UUID.randomUUID());
                statement.setString(++i, EventTypes.topic(config.service(), type));
                statement.setString(++i, p.actor);
                statement.setString(++i, EventTypes.cloudEventType(config.service(), type));
                statement.setString(++i, p.payload);
                statement.setTimestamp(++i, p.at);
            }
            statement.executeQuery().close();
        }
    }

    private String serialize(PersonalDataRead read) {
        try {
            return json.writeValueAsString(read);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A personal data read cannot be written as JSON", e);
        }
    }
}
