package org.passerelle.agreements.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The agreement is suspended: no new mobility may count against it until it is resumed. */
@EventType(name = "AgreementSuspended", version = 1, aggregate = "agreement")
public record AgreementSuspended(UUID agreementId, String reason, Instant suspendedAt) implements AgreementEvent {
}
