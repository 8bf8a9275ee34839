package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.problem.InvalidFieldsException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The queue of webhook deliveries in PostgreSQL and the record of their attempts. Only the first pending delivery of
 * an object to a subscription (its head) has a time; the ones after it wait at 'infinity' and are given a time when
 * the one before is delivered or fails for good, which keeps each object's order and keeps the queue that the
 * dispatcher looks at as small as the number of objects with something to send, however long a dead receiver's
 * backlog. Queuing a delivery and settling one take the same lock per subscription and object, so that a delivery
 * queued while the one before it is being settled is never left waiting. Claiming a delivery moves its time past a
 * lease, so that a dispatcher that dies leaves it due again.
 */
@ApplicationScoped
public class Deliveries {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery as the log shows it. */
    public record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String objectKey, Status status,
                           boolean replay, int attempts, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
                           Instant deliveredAt, Integer lastStatusCode, Integer lastLatencyMs, String lastAnswer,
                           String lastError) {
    }

    /** A claimed delivery, ready to send. */
    public record Claimed(UUID id, UUID subscriptionId, UUID eventId, String objectKey, int attempt, Instant createdAt) {
    }

    /** What one attempt got: a status code (null when no answer came), the time it took, an excerpt, an error. */
    public record Outcome(Integer statusCode, long latencyMillis, String answer, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "passerelle.webhooks.retention", defaultValue = "P30D")
    Duration retention;

    /**
     * Queues an event's delivery to each of the subscriptions (one statement for them all): due now to a subscription
     * that has nothing of its object pending, else after what is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(List<UUID> subscriptions, UUID event, String objectKey) {
        if (subscriptions.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("""
                     select pg_advisory_xact_lock(hashtextextended(s || '/' || ?, 0)) from unnest(cast(? as text[])) s order by s""");
             PreparedStatement insert = c.prepareStatement("""
                     insert into webhook_delivery (id, subscription_id, event_id, object_key, next_attempt_at)
                     select gen_random_uuid(), cast(s as uuid), ?, ?,
                            case when exists (select 1 from webhook_delivery p where p.subscription_id = cast(s as uuid)
                                              and p.object_key = ? and p.status = 'PENDING')
                                 then cast('infinity' as timestamptz) else now() end
                     from unnest(cast(? as text[])) s""")) {
            var ids = Jdbc.texts(c, subscriptions.stream().map(UUID::toString).sorted().toList());
            lock.setString(1, objectKey);
            lock.setArray(2, ids);
            lock.executeQuery().close();
            insert.setObject(1, event);
            insert.setString(2, objectKey);
            insert.setString(3, objectKey);
            insert.setArray(4, ids);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /** Held until the transaction ends: queuing and settling deliveries of one object to one subscription take turns. */
    private void lockObject(UUID subscription, String objectKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))")) {
            lock.setString(1, subscription.toString());
            lock.setString(2, objectKey);
            lock.execute();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /** Gives the object's next pending delivery, if it waits at 'infinity', a time: now. */
    private void releaseNext(UUID subscription, String objectKey) {
        update("""
                update webhook_delivery set next_attempt_at = now()
                where id = (select id from webhook_delivery where subscription_id = ? and object_key = ? and status = 'PENDING'
                            order by seq limit 1)
                  and next_attempt_at = 'infinity'""", subscription, objectKey);
    }

    /**
     * Claims up to {@code limit} due deliveries, at most {@code perSubscription} in flight for each subscription
     * (counting those already in flight here), the longest due first, and moves their time past the lease. Each
     * subscription is looked at through its index, for as many deliveries as it may still send: the cost does not
     * grow with the backlog.
     */
    @Transactional
    public List<Claimed> claim(int limit, int perSubscription, Map<UUID, Integer> inFlight, Duration lease) {
        String sql = """
                with due as (
                    select d.id, d.next_attempt_at, d.seq
                    from webhook_subscription s
                    cross join lateral (
                        select w.id, w.next_attempt_at, w.seq from webhook_delivery w
                        where w.subscription_id = s.id and w.status = 'PENDING' and w.next_attempt_at <= now()
                        order by w.next_attempt_at, w.seq
                        limit greatest(? - coalesce(cast(cast(? as jsonb) ->> cast(s.id as text) as int), 0), 0)) d
                    where s.enabled
                ), picked as (
                    select w.id from webhook_delivery w join due on due.id = w.id
                    order by due.next_attempt_at, due.seq
                    limit ?
                    for update of w skip locked
                )
                update webhook_delivery d set next_attempt_at = now() + cast(? as interval), attempts = d.attempts + 1
                from picked where d.id = picked.id and d.status = 'PENDING'
                returning d.id, d.subscription_id, d.event_id, d.object_key, d.attempts, d.created_at""";
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(sql)) {
            claim.setInt(1, perSubscription);
            claim.setString(2, json.writeValueAsString(inFlight));
            claim.setInt(3, limit);
            claim.setString(4, lease.toMillis() + " milliseconds");
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    claimed.add(new Claimed(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                            row.getString(4), row.getInt(5), Jdbc.instant(row, "created_at")));
                }
            }
            return claimed;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("claiming deliveries: " + e.getMessage(), e);
        }
    }

    /**
     * Records an attempt; a failed one is due again at {@code retryAt}, or failed for good when that is null. A
     * delivery settled (delivered or failed) lets the next one of its object go.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Claimed delivery, Outcome outcome, Instant retryAt) {
        lockObject(delivery.subscriptionId(), delivery.objectKey());
        String answer = excerpt(outcome.answer(), 1000);
        String error = excerpt(outcome.error(), 300);
        update("""
                insert into webhook_attempt (delivery_id, attempt, at, status_code, latency_ms, answer, error)
                values (?, ?, now(), ?, ?, ?, ?) on conflict do nothing""",
                delivery.id(), delivery.attempt(), outcome.statusCode(), (int) outcome.latencyMillis(), answer, error);
        String status = outcome.delivered() ? "DELIVERED" : retryAt == null ? "FAILED" : "PENDING";
        update("""
                update webhook_delivery set status = ?, last_attempt_at = now(), last_status_code = ?, last_latency_ms = ?,
                    last_answer = ?, last_error = ?, delivered_at = case when ? then now() end,
                    next_attempt_at = coalesce(?, next_attempt_at)
                where id = ? and status = 'PENDING'""",
                status, outcome.statusCode(), (int) outcome.latencyMillis(), answer, error, outcome.delivered(),
                Jdbc.timestamp(retryAt), delivery.id());
        if (!status.equals("PENDING")) {
            releaseNext(delivery.subscriptionId(), delivery.objectKey());
        }
    }

    /** The event a delivery carries, as a structured CloudEvent (JSON). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String cloudEvent(UUID eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select * from webhook_event where id = ?")) {
            select.setObject(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return CloudEvents.structured(json, eventId, row.getString("type"), row.getString("source"),
                        row.getString("subject"), Jdbc.instant(row, "time"), row.getString("data"));
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /** A subscription's deliveries, latest first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Delivery> log(UUID subscription, Status status, PageRequest page) {
        String where = " where d.subscription_id = ?" + (status == null ? "" : " and d.status = ?");
        List<Object> parameters = new ArrayList<>(List.of(subscription));
        if (status != null) {
            parameters.add(status.name());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from webhook_delivery d" + where);
             PreparedStatement select = c.prepareStatement("""
                     select d.*, e.type, nullif(d.next_attempt_at, 'infinity') as next_at
                     from webhook_delivery d join webhook_event e on e.id = d.event_id""" + where
                     + " order by d.seq desc limit ? offset ?")) {
            Subscriptions.bind(count, parameters.toArray());
            parameters.add(page.size);
            parameters.add(page.offset());
            Subscriptions.bind(select, parameters.toArray());
            long total;
            try (ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Delivery> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Status state = Status.valueOf(row.getString("status"));
                    found.add(new Delivery(row.getObject("id", UUID.class), subscription, row.getObject("event_id", UUID.class),
                            row.getString("type"), row.getString("object_key"), state, row.getBoolean("replay"),
                            row.getInt("attempts"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "last_attempt_at"),
                            state == Status.PENDING ? Jdbc.instant(row, "next_at") : null,
                            Jdbc.instant(row, "delivered_at"), Jdbc.integer(row, "last_status_code"),
                            Jdbc.integer(row, "last_latency_ms"), row.getString("last_answer"), row.getString("last_error")));
                }
            }
            return Page.of(found, page, total);
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /**
     * Delivers again, in their order, the events the subscription may hear of after the given event (exclusive) or
     * from the given time (inclusive), within the retention period; returns how many.
     */
    @Transactional
    public int replay(Subscription subscription, UUID sinceEventId, Instant since) {
        var problems = new InvalidFieldsException.Collector();
        problems.check(sinceEventId != null ^ since != null, sinceEventId == null ? "since" : "sinceEventId", "webhook.replay-one-start");
        problems.throwIfAny();
        Instant oldest = Instant.now().minus(retention);
        long fromSeq;
        if (sinceEventId != null) {
            Long seq = seqOf(sinceEventId, subscription.institution());
            problems.check(seq != null, "sinceEventId", "webhook.replay-unknown-event", retention.toDays());
            problems.throwIfAny();
            fromSeq = seq + 1;
        } else {
            problems.check(!since.isBefore(oldest), "since", "webhook.replay-beyond-retention", retention.toDays());
            problems.throwIfAny();
            fromSeq = firstSeqAt(since);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into webhook_delivery (id, subscription_id, event_id, object_key, replay, next_attempt_at)
                     select gen_random_uuid(), ?, e.id, e.object_key, true, cast('infinity' as timestamptz)
                     from webhook_event e
                     where e.seq >= ? and (e.parties is null or ? = any(e.parties))
                       and (cast(? as text[]) is null or e.type = any(cast(? as text[])))
                     order by e.seq
                     returning object_key""")) {
            var types = Jdbc.texts(c, subscription.eventTypes() == null || subscription.eventTypes().isEmpty() ? null : subscription.eventTypes());
            insert.setObject(1, subscription.id());
            insert.setLong(2, fromSeq);
            insert.setString(3, subscription.institution());
            insert.setArray(4, types);
            insert.setArray(5, types);
            int queued = 0;
            var objects = new java.util.LinkedHashSet<String>();
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    queued++;
                    objects.add(row.getString(1));
                }
            }
            // queued after everything already pending: each object's first one goes now if nothing of it is pending
            for (String object : objects) {
                lockObject(subscription.id(), object);
                releaseNext(subscription.id(), object);
            }
            return queued;
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private Long seqOf(UUID eventId, String institution) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select seq from webhook_event where id = ? and (parties is null or ? = any(parties))")) {
            select.setObject(1, eventId);
            select.setString(2, institution);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private long firstSeqAt(Instant since) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select coalesce(min(seq), 9223372036854775807) from webhook_event where time >= ?")) {
            select.setTimestamp(1, Jdbc.timestamp(since));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /**
     * Forgets events, and their deliveries, older than the retention period; a delivery that was waiting behind a
     * forgotten one (of a paused subscription) goes.
     */
    @Transactional
    public int purge() {
        int purged = update("delete from webhook_event where received_at < now() - cast(? as interval)", retention.toSeconds() + " seconds");
        if (purged > 0) {
            update("""
                    update webhook_delivery d set next_attempt_at = now()
                    where d.status = 'PENDING' and d.next_attempt_at = 'infinity'
                      and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id
                                      and e.object_key = d.object_key and e.status = 'PENDING' and e.seq < d.seq)""");
        }
        return purged;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            Subscriptions.bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    static String excerpt(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
