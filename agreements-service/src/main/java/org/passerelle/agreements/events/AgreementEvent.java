package org.passerelle.agreements.events;

import java.util.UUID;

/**
 * A domain event of an agreement, as the aggregate returns it from the change that caused it; published on
 * agreements.agreement.events with the agreement id as key.
 */
public interface AgreementEvent {

    UUID agreementId();
}
