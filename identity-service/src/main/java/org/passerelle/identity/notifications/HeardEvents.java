package org.passerelle.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The events of every service that partners hear of: each one is kept (for replay), queued for the subscriptions
 * whose institution may hear of it, and told by mail to the people it concerns, in the transaction that records it
 * as handled. The HTTP deliveries happen later, in the {@link Dispatcher}.
 */
@ApplicationScoped
public class HeardEvents {

    @Inject
    IncomingEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Deliveries deliveries;

    @Inject
    MailNotifications mail;

    @Inject
    Dispatcher dispatcher;

    private final Map<String, Consumer<ReceivedEvent>> handlers =
            Audience.DELIVERED_TYPES.stream().collect(Collectors.toMap(type -> type, type -> this::hear));

    @Incoming("webhook-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void receive(ConsumerRecord<String, String> record) {
        if (events.handleOnce(record, handlers)) {
            dispatcher.wake();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void hear(ReceivedEvent event) {
        JsonNode data = data(event);
        String objectKey = Audience.of(event.type(), data, Set.of()).orElseThrow().objectKey();
        Remembered remembered = remembered(objectKey);
        Audience.Heard heard = Audience.of(event.type(), data, remembered.parties()).orElseThrow();
        remember(heard);
        store(event, heard);
        deliveries.enqueue(subscriptions.listening().stream()
                .filter(subscription -> subscription.wants(event.type()) && heard.reaches(subscription.institution()))
                .map(Subscription::id).toList(), event.id(), heard.objectKey());
        String person = heard.personId() != null ? heard.personId() : remembered.personId();
        mail.tell(event.type(), data, heard.parties(), person == null ? null : UUID.fromString(person));
    }

    private JsonNode data(ReceivedEvent event) {
        try {
            return json.readTree(event.data());
        } catch (Exception e) {
            throw new ReceivedEvent.UnreadableEvent("data of " + event.type() + " is not JSON");
        }
    }

    record Remembered(Set<String> parties, String personId) {
    }

    private Remembered remembered(String objectKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select parties, person_id from notified_object where object_id = ?")) {
            select.setString(1, objectKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Remembered(Set.of(), null);
                }
                UUID person = row.getObject("person_id", UUID.class);
                return new Remembered(new LinkedHashSet<>(Jdbc.texts(row, "parties")), person == null ? null : person.toString());
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private void remember(Audience.Heard heard) {
        if (heard.everyone() || heard.parties().isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into notified_object (object_id, parties, person_id) values (?, ?, ?)
                     on conflict (object_id) do update set parties = excluded.parties,
                         person_id = coalesce(excluded.person_id, notified_object.person_id)""")) {
            upsert.setString(1, heard.objectKey());
            upsert.setArray(2, Jdbc.texts(c, heard.parties()));
            upsert.setObject(3, heard.personId() == null ? null : UUID.fromString(heard.personId()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private void store(ReceivedEvent event, Audience.Heard heard) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into webhook_event (id, type, source, subject, object_key, time, data, parties) values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (id) do nothing""")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, event.source());
            insert.setString(4, event.subject());
            insert.setString(5, heard.objectKey());
            insert.setTimestamp(6, Jdbc.timestamp(event.time() != null ? event.time() : java.time.Instant.now()));
            insert.setString(7, event.data());
            insert.setArray(8, heard.everyone() ? null : Jdbc.texts(c, heard.parties()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }
}
