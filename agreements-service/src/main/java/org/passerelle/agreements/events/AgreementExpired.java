package org.passerelle.agreements.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The agreement's last academic year is over: no mobility may count against it any more. */
@EventType(name = "AgreementExpired", version = 1, aggregate = "agreement")
public record AgreementExpired(UUID agreementId, String lastAcademicYear, Instant expiredAt) implements AgreementEvent {
}
