package org.passerelle.curriculum;

/** PLANNED until opened; only an OPEN session takes seat holds; CLOSED may open again; WITHDRAWN is final. */
public enum SessionStatus {
    PLANNED,
    OPEN,
    CLOSED,
    WITHDRAWN
}
