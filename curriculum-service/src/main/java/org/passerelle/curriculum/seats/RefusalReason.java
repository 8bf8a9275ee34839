package org.passerelle.curriculum.seats;

/** Why a seat in a session was not held. */
public enum RefusalReason {
    /** Every seat is held. */
    SESSION_FULL,
    /** The session is planned, closed or withdrawn. */
    SESSION_NOT_OPEN,
    /** No session has this id. */
    UNKNOWN_SESSION
}
