package org.passerelle.identity.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls, from the token: the international office reaches everything, anyone else their own institution. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /** The institution whose data the caller may see; null for the international office (admin), which sees all. */
    public String reach() {
        return identity.hasRole("admin") ? null : institution();
    }

    /** The caller's institution (SCHAC code) as the token says; never taken from a path or a body. */
    public String institution() {
        // cast to Object: the char[] overload of String.valueOf would be chosen and throw
        Object claim = token.getClaim("institution");
        return claim == null ? "" : String.valueOf(claim);
    }

    public String subject() {
        return token.getSubject();
    }
}
