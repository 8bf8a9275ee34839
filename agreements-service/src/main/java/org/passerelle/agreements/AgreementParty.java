package org.passerelle.agreements;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** An institution party to an agreement, with the content it approved (if it did). */
@Embeddable
public class AgreementParty {

    /** SCHAC code, e.g. univ-lyon1.fr. */
    @Column(nullable = false)
    public String institution;

    @Column(name = "approved_hash")
    public String approvedHash;

    @Column(name = "approved_at")
    public Instant approvedAt;

    /** The pending amendment this party approved, if it did: becomes its approval of the version in force with it. */
    @Column(name = "amendment_approved_hash")
    public String amendmentApprovedHash;

    @Column(name = "amendment_approved_at")
    public Instant amendmentApprovedAt;

    protected AgreementParty() {
    }

    AgreementParty(String institution) {
        this.institution = institution;
    }

    boolean approved(String contentHash) {
        return contentHash != null && contentHash.equals(approvedHash);
    }
}
