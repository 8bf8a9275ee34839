package org.passerelle.agreements;

/** DRAFT -> PROPOSED -> ACTIVE (both sides approved the same content) <-> SUSPENDED -> TERMINATED or EXPIRED. */
public enum AgreementStatus {
    DRAFT,
    PROPOSED,
    ACTIVE,
    SUSPENDED,
    TERMINATED,
    EXPIRED
}
