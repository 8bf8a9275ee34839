package org.passerelle.agreements.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** One party approved the proposed version it names by hash; the others may still have to. */
@EventType(name = "AgreementApproved", version = 1, aggregate = "agreement")
public record AgreementApproved(UUID agreementId, int versionNumber, String institution, String contentHash,
                                Instant approvedAt) implements AgreementEvent {
}
