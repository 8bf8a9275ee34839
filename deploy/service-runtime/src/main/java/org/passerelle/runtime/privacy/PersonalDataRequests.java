package org.passerelle.runtime.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads a {@link PersonalDataRequest} from the caller's token and the person the query names. */
@ApplicationScoped
public class PersonalDataRequests {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Fingerprints fingerprints;

    /** The request being answered; {@code personId} and {@code prints} count only when the office asks. */
    public PersonalDataRequest of(UUID personId, List<String> prints) {
        Object email = token.getClaim("email");
        String own = email == null ? "" : email.toString();
        if (!identity.hasRole("admin")) {
            return new PersonalDataRequest(false, token.getSubject(), own, null, Set.of(), fingerprints);
        }
        Set<String> named = new HashSet<>(prints == null ? List.of() : prints);
        return new PersonalDataRequest(true, token.getSubject(), own, personId, named, fingerprints);
    }
}
