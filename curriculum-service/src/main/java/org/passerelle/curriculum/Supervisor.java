package org.passerelle.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who supervises an item: {@code account} is the subject ({@code sub} claim) of the supervisor's token, the
 * identity-provider account id, so that the supervisor is recognised whatever their display name.
 */
@Embeddable
public record Supervisor(
        @Column(name = "supervisor_account") String account,
        @Column(name = "supervisor_name") String name) {
}
