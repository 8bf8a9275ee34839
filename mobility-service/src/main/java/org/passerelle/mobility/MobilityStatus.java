package org.passerelle.mobility;

/** NOMINATED -> ACCEPTED or REJECTED -> IN_PROGRESS (arrival) -> COMPLETED (departure); CANCELLED before arrival. */
public enum MobilityStatus {
    NOMINATED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED
}
