package org.passerelle.identity.privacy;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The other services' reads of personal data (PersonalDataRead, docs/events/mobility and curriculum) and changes of
 * it (PersonalDataChanged, docs/events/mobility) into the audit log.
 */
@ApplicationScoped
public class ReadEvents {

    /** The data of PersonalDataRead v1 that this service reads; ids as text, since an erasure may have replaced one. */
    public record Read(String actor, String actorInstitution, String resource, List<String> personIds, Instant readAt) {
    }

    /** The data of PersonalDataChanged v1 that this service reads. */
    public record Change(String actor, String actorInstitution, String resource, List<String> personIds, List<String> fields,
                         Instant changedAt) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    AuditLog log;

    private final Map<String, Consumer<ReceivedEvent>> handlers = Map.of(
            "passerelle.mobility.PersonalDataRead.v1", e -> record("mobility-service", e),
            "passerelle.mobility.PersonalDataChanged.v1", e -> recordChange("mobility-service", e),
            "passerelle.curriculum.PersonalDataRead.v1", e -> record("curriculum-service", e));

    @Incoming("mobility-reads")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void fromMobility(ConsumerRecord<String, String> record) {
        events.handleOnce(record, handlers);
    }

    @Incoming("curriculum-reads")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void fromCurriculum(ConsumerRecord<String, String> record) {
        events.handleOnce(record, handlers);
    }

    private void record(String service, ReceivedEvent event) {
        Read read = events.data(event, Read.class);
        // the event id is the entry's: a redelivery cannot record the read twice
        log.record(AuditLog.Entry.read(event.id(), service, read.actor(), read.actorInstitution(), read.resource(),
                people(read.personIds()), read.readAt() != null ? read.readAt() : event.time()));
    }

    private void recordChange(String service, ReceivedEvent event) {
        Change change = events.data(event, Change.class);
        log.record(AuditLog.Entry.change(event.id(), service, change.actor(), change.actorInstitution(), change.resource(),
                people(change.personIds()), change.fields() == null ? List.of() : change.fields(),
                change.changedAt() != null ? change.changedAt() : event.time()));
    }

    private static List<UUID> people(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(ReadEvents::isUuid).map(UUID::fromString).toList();
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
