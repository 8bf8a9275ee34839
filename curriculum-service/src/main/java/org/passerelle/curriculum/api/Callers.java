package org.passerelle.curriculum.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.passerelle.curriculum.Caller;

/** The caller of the current request, from their token; the institution never comes from the request itself. */
@ApplicationScoped
class Callers {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    Caller current() {
        Object institution = token.getClaim("institution");
        return new Caller(token.getSubject(), institution == null ? null : String.valueOf(institution), identity.hasRole("admin"));
    }

    boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
