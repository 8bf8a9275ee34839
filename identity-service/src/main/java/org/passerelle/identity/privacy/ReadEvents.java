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

/** The other services' reads of personal data (PersonalDataRead, docs/events/mobility and curriculum) into the audit log. */
@ApplicationScoped
public class ReadEvents {

    /** The data of PersonalDataRead v1 that this service reads; ids as text, since an erasure may have replaced one. */
    public record Read(String actor, String actorInstitution, String resource, List<String> personIds, Instant readAt) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    AuditLog log;

    private final Map<String, Consumer<ReceivedEvent>> handlers = Map.of(
            "passerelle.mobility.PersonalDataRead.v1", e -> record("mobility-service", e),
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
        List<UUID> people = read.personIds() == null ? List.of() : read.personIds().stream().filter(ReadEvents::isUuid).map(UUID::fromString).toList();
        // the event id is the entry's: a redelivery cannot record the read twice
        log.record(new AuditLog.Entry(event.id(), service, read.actor(), read.actorInstitution(), read.resource(), people,
                read.readAt() != null ? read.readAt() : event.time()));
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
