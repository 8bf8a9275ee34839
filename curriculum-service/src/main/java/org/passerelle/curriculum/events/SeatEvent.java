package org.passerelle.curriculum.events;

import java.util.UUID;

/**
 * An answer of the seat ledger to a mobility (seats held, refused or released); published on curriculum.seats.events
 * with the mobility id as key, so a mobility's answers stay in order.
 */
public interface SeatEvent {

    UUID mobilityId();
}
