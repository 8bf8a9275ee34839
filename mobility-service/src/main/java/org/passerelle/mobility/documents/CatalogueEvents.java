package org.passerelle.mobility.documents;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.passerelle.runtime.events.IncomingEvents;
import org.passerelle.runtime.events.ReceivedEvent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps what checklists need of curriculum-service's catalogue (docs/events/curriculum): each item's compliance
 * requirements and the item of each session; when they change, the open mobilities concerned get their checklist
 * recomputed in the same transaction.
 */
@ApplicationScoped
public class CatalogueEvents {

    private static final Logger LOG = Logger.getLogger(CatalogueEvents.class);

    /** The data of CatalogueItemPublished and CatalogueItemChanged v1 that this service reads; requirements may be absent. */
    public record Item(UUID itemId, List<RequirementData> requirements) {
        public record RequirementData(String kind, Boolean validForWholeStay, Requirement.CheckedBy checkedBy) {
        }
    }

    /** The data of SessionOpened and SessionClosed v1 that this service reads. */
    public record SessionOfItem(UUID sessionId, UUID itemId) {
    }

    @Inject
    IncomingEvents events;

    @Inject
    EntityManager entityManager;

    @Inject
    Checklists checklists;

    @Incoming("catalogue-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = ReceivedEvent.UnreadableEvent.class)
    public void consume(ConsumerRecord<String, String> record) {
        events.handleOnce(record, Map.of(
                "passerelle.curriculum.CatalogueItemPublished.v1", e -> item(events.data(e, Item.class)),
                "passerelle.curriculum.CatalogueItemChanged.v1", e -> item(events.data(e, Item.class)),
                "passerelle.curriculum.SessionOpened.v1", e -> session(events.data(e, SessionOfItem.class)),
                "passerelle.curriculum.SessionClosed.v1", e -> session(events.data(e, SessionOfItem.class))));
    }

    private void item(Item item) {
        entityManager.createNativeQuery("delete from catalogue_requirement where item_id = ?1").setParameter(1, item.itemId()).executeUpdate();
        for (var r : item.requirements() == null ? List.<Item.RequirementData>of() : item.requirements()) {
            entityManager.createNativeQuery("""
                            insert into catalogue_requirement (item_id, kind, valid_for_whole_stay, checked_by) values (?1, ?2, ?3, ?4)
                            on conflict do nothing""")
                    .setParameter(1, item.itemId()).setParameter(2, r.kind())
                    .setParameter(3, r.validForWholeStay() != null && r.validForWholeStay())
                    .setParameter(4, (r.checkedBy() == null ? Requirement.CheckedBy.RECEIVING : r.checkedBy()).name()).executeUpdate();
        }
        int recomputed = checklists.recomputeForItem(item.itemId());
        LOG.debugf("Requirements of item %s: %d checklists recomputed", item.itemId(), recomputed);
    }

    private void session(SessionOfItem session) {
        int added = entityManager.createNativeQuery("""
                        insert into catalogue_session (session_id, item_id) values (?1, ?2) on conflict do nothing""")
                .setParameter(1, session.sessionId()).setParameter(2, session.itemId()).executeUpdate();
        if (added > 0) {
            checklists.recomputeForSession(session.sessionId());
        }
    }
}
