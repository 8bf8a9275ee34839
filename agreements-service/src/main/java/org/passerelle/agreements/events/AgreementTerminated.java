package org.passerelle.agreements.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The agreement ended before its last academic year; no new mobility may count against it. */
@EventType(name = "AgreementTerminated", version = 1, aggregate = "agreement")
public record AgreementTerminated(UUID agreementId, String reason, Instant terminatedAt) implements AgreementEvent {
}
