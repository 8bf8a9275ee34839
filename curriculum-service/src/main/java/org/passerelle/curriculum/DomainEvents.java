package org.passerelle.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.curriculum.events.CatalogueEvent;
import org.passerelle.curriculum.events.SeatEvent;
import org.passerelle.runtime.events.Outbox;

import java.util.List;

/**
 * Where curriculum-service's domain events go to the outbox, in the transaction of the change: the catalogue's, as
 * the CatalogueItem and Session aggregates return them, keyed by the item; the seat ledger's, keyed by the mobility.
 * (The records package appends its transcript events itself, in Records, the one service of that package.)
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<? extends CatalogueEvent> events) {
        events.forEach(event -> outbox.append(event.itemId(), event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishSeats(List<? extends SeatEvent> events) {
        events.forEach(event -> outbox.append(event.mobilityId(), event));
    }
}
