package org.passerelle.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every operation of the API acts for an institution: a token whose institution claim is missing, or names no
 * institution identity-service knows, is refused with 403 unknown-institution before the operation runs, rather than
 * served as an institution that owns nothing. The international office acts for all and needs no claim. Integration
 * clients are provisioned by identity-service with the institution they act for, so theirs is known.
 * Health, metrics and documentation (/q/*) are outside the REST layer and stay open.
 */
@Singleton
public class KnownInstitutionRequired {

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    InstitutionDirectory directory;

    /** Institutions are never removed, so one found stays known; an unknown code is asked again each time. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @ServerRequestFilter
    public void requireKnownInstitution() {
        if (identity.isAnonymous() || caller.isInternationalOffice()) {
            return; // no token: the operation's roles answer 401
        }
        String institution = caller.institution().orElse(null);
        if (institution == null || !isKnown(institution)) {
            throw new ProblemException(ProblemType.UNKNOWN_INSTITUTION);
        }
    }

    private boolean isKnown(String institution) {
        if (known.contains(institution)) {
            return true;
        }
        boolean found = directory.isKnown(institution);
        if (found) {
            known.add(institution);
        }
        return found;
    }
}
