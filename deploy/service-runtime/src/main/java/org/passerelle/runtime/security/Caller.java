package org.passerelle.runtime.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who calls, as their token says: the subject, the institution (SCHAC code) of the "institution" claim and the roles.
 * The institution never comes from a path, a query or a body. The international office (role admin) acts for every
 * institution; anyone else for the institution of their token, and a token without one for no institution at all.
 */
@RequestScoped
public class Caller {

    /**
     * What a caller whose token names no institution acts for: no SCHAC code is empty, so every filter and every
     * party check with it finds nothing, as for a foreign institution, and no use site meets a null.
     */
    public static final String NO_INSTITUTION = "";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /** The token's subject (the account id); null when the token has none. */
    public String subject() {
        return token.getSubject();
    }

    /** The institution claim; empty when the token has none. */
    public Optional<String> institution() {
        // cast to Object: the char[] overload of String.valueOf would be chosen and throw
        return Optional.ofNullable((Object) token.getClaim("institution")).map(String::valueOf);
    }

    /** Whether the token names this institution; false when it names none. */
    public boolean belongsTo(String institution) {
        return institution().map(own -> own.equals(institution)).orElse(false);
    }

    /** The email claim; empty when the token has none, so that it matches no student's email. */
    public String email() {
        Object email = token.getClaim("email");
        return email == null ? "" : email.toString();
    }

    /** The SJTUSM international office, which reaches every institution's data. */
    public boolean isInternationalOffice() {
        return hasRole("admin");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The institution whose data the caller may see and change: null for the international office, which acts for
     * all; {@link #NO_INSTITUTION} when the token names none.
     */
    public String actingFor() {
        return isInternationalOffice() ? null : ownInstitution();
    }

    /** The institution the caller acts as even when admin (it approves as its own); {@link #NO_INSTITUTION} when none. */
    public String ownInstitution() {
        return institution().orElse(NO_INSTITUTION);
    }
}
