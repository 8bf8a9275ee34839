package org.passerelle.identity;

/** Students move between the institutions; staff coordinate, supervise and teach. */
public enum PersonKind {
    STUDENT,
    STAFF
}
