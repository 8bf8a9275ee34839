package org.passerelle.mobility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.mobility.events.MobilityEvent;
import org.passerelle.runtime.events.Outbox;

import java.util.List;

/**
 * The one place where mobility-service's domain events go to the outbox: the services hand over what the
 * aggregates returned, in the transaction of the change, keyed by the mobility.
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<? extends MobilityEvent> events) {
        events.forEach(event -> outbox.append(event.mobilityId(), event));
    }
}
