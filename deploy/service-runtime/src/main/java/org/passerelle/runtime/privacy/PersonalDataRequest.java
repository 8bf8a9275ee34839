package org.passerelle.runtime.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * A request for a service's part of a person's export (identity-service's GET /api/people/{id}/export): who asks,
 * for whom, with which fingerprints. The international office (admin) names the person by their identity-service id
 * and the fingerprints PersonErased would carry; anyone else reaches only their own data whatever the query names,
 * so their request names nobody and is answered by their own account or email. Read by {@link PersonalDataRequests}.
 */
public final class PersonalDataRequest {

    private final boolean byAdmin;
    private final String account;
    private final String email;
    private final UUID personId;
    private final Set<String> prints;
    private final Fingerprints fingerprints;

    PersonalDataRequest(boolean byAdmin, String account, String email, UUID personId, Set<String> prints,
                        Fingerprints fingerprints) {
        this.byAdmin = byAdmin;
        this.account = account;
        this.email = email;
        this.personId = personId;
        this.prints = prints;
        this.fingerprints = fingerprints;
    }

    /** Whether the international office asks, naming the person; anyone else asks for themselves. */
    public boolean byAdmin() {
        return byAdmin;
    }

    /** The email of who asks, from their token; empty when it has none. */
    public String email() {
        return email;
    }

    /** The person named by their id; null when the query does not name one or the asker is not the office. */
    public UUID personId() {
        return personId;
    }

    /** Whether the request names a person, by id or by a fingerprint. */
    public boolean namesSomeone() {
        return personId != null || namesByFingerprint();
    }

    /** Whether the request names a person by at least one fingerprint. */
    public boolean namesByFingerprint() {
        return !prints.isEmpty();
    }

    /** Whether a value of this kind (a {@link Fingerprints} kind) has one of the fingerprints named. */
    public boolean fingerprinted(String kind, String value) {
        return fingerprints.matches(prints, kind, value);
    }

    /** Whether this account (a token subject) is the person's: by its fingerprint, or the asker's own. */
    public boolean isTheirAccount(String account) {
        return byAdmin ? fingerprinted(Fingerprints.ACCOUNT, account) : account.equals(this.account);
    }
}
