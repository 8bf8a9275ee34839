package org.passerelle.agreements.events;

import org.passerelle.runtime.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of the agreement is proposed to its parties: the first (a new agreement) or an amendment of the
 * version in force. Each party approves it by naming its content hash.
 */
@EventType(name = "AgreementProposed", version = 1, aggregate = "agreement")
public record AgreementProposed(UUID agreementId, int versionNumber, boolean amendment, String contentHash,
                                List<String> parties, Instant proposedAt) implements AgreementEvent {
}
