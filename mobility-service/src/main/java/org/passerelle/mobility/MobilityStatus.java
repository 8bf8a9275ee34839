package org.passerelle.mobility;

/**
 * NOMINATED -> ACCEPTED or REJECTED -> IN_PROGRESS (arrival) -> COMPLETED (departure); CANCELLED before arrival
 * (by either side, or when the agreement is terminated while the nomination waits for an answer); SEAT_REFUSED
 * when curriculum-service refused a catalogue session a NOMINATED mobility asked for (full, not open, unknown):
 * its place is freed and the sending side nominates again with other sessions. REJECTED, CANCELLED and
 * SEAT_REFUSED hold no quota place and change no more.
 */
public enum MobilityStatus {
    NOMINATED,
    ACCEPTED,
    REJECTED,
    SEAT_REFUSED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED
}
