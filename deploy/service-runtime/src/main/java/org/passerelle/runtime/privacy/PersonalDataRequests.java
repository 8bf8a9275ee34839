package org.passerelle.runtime.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.passerelle.runtime.security.Caller;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads a {@link PersonalDataRequest} from the caller's token and the person the query names. */
@ApplicationScoped
public class PersonalDataRequests {

    @Inject
    Caller caller;

    @Inject
    Fingerprints fingerprints;

    /** The request being answered; {@code personId} and {@code prints} count only when the office asks. */
    public PersonalDataRequest of(UUID personId, List<String> prints) {
        String own = caller.email();
        if (!caller.isInternationalOffice()) {
            return new PersonalDataRequest(false, caller.subject(), own, null, Set.of(), fingerprints);
        }
        Set<String> named = new HashSet<>(prints == null ? List.of() : prints);
        return new PersonalDataRequest(true, caller.subject(), own, personId, named, fingerprints);
    }
}
