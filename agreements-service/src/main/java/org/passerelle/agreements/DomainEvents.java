package org.passerelle.agreements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.agreements.events.AgreementEvent;
import org.passerelle.runtime.events.Outbox;

import java.util.List;

/**
 * The one place where agreements-service's domain events go to the outbox: the services hand over what the
 * Agreement aggregate returned, in the transaction of the change, keyed by the agreement.
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<? extends AgreementEvent> events) {
        events.forEach(event -> outbox.append(event.agreementId(), event));
    }
}
