package org.passerelle.mobility;

import java.time.Instant;
import java.util.UUID;

/**
 * A mobility was rejected, cancelled or refused its seats (it no longer holds a quota place): fired inside the transaction that closed it, so that what hangs on the
 * mobility (its pending learning-agreement proposal) is settled in the same commit.
 */
public record MobilityClosed(UUID mobilityId, MobilityStatus status, Instant at) {
}
