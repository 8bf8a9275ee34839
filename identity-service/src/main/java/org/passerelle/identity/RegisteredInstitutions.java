package org.passerelle.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.security.InstitutionDirectory;

/** The institutions a caller may act for: identity-service's own register, current and previous SCHAC codes. */
@ApplicationScoped
public class RegisteredInstitutions implements InstitutionDirectory {

    @Inject
    InstitutionRepository institutions;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isKnown(String schacCode) {
        return institutions.findBySchacCode(schacCode).isPresent();
    }
}
