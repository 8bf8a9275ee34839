package org.passerelle.runtime.privacy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The data of identity-service's PersonErased v1 (docs/events/identity) that the other services read: the person's
 * id and the fingerprints of their email, identifiers and account ({@link Fingerprints}), never the plain values.
 */
public record PersonErased(UUID personId, List<String> fingerprints) {

    /** The CloudEvents type the services' person-events consumers handle. */
    public static final String TYPE = "passerelle.identity.PersonErased.v1";

    /** The fingerprints to match a service's own values against; empty when the event carries none. */
    public Set<String> fingerprintSet() {
        return new HashSet<>(fingerprints == null ? List.of() : fingerprints);
    }
}
