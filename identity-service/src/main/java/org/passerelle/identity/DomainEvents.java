package org.passerelle.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.identity.events.InstitutionEvent;
import org.passerelle.identity.events.PersonEvent;
import org.passerelle.runtime.events.Outbox;

import java.util.List;

/**
 * The one place where identity-service's domain events go to the outbox: the services hand over what the Person and
 * Institution aggregates returned, in the transaction of the change, keyed by the person or the institution.
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishPersonEvents(List<? extends PersonEvent> events) {
        events.forEach(event -> outbox.append(event.personId(), event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishInstitutionEvents(List<? extends InstitutionEvent> events) {
        events.forEach(event -> outbox.append(event.institutionId(), event));
    }
}
