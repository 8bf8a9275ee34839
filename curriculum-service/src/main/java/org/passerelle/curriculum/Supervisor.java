package org.passerelle.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.passerelle.runtime.text.PersonNames;

/**
 * Who supervises an item: {@code account} is the subject ({@code sub} claim) of the supervisor's token, the
 * identity-provider account id, so that the supervisor is recognised whatever their display name.
 */
@Embeddable
public record Supervisor(
        @Column(name = "supervisor_account") String account,
        @Column(name = "supervisor_name") String name) {

    /** The name in NFC, as every service stores a person's name (a name typed on macOS arrives decomposed). */
    public Supervisor {
        name = PersonNames.normalize(name);
    }
}
