package org.passerelle.agreements.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** A suspended agreement is in force again. */
@EventType(name = "AgreementResumed", version = 1, aggregate = "agreement")
public record AgreementResumed(UUID agreementId, Instant resumedAt) implements AgreementEvent {
}
