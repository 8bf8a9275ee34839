package org.passerelle.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.security.InstitutionDirectory;

import java.util.Set;

/** The institutions the test application knows, as a service knows them from identity-service's events. */
@ApplicationScoped
public class SampleInstitutions implements InstitutionDirectory {

    static final Set<String> KNOWN = Set.of("sjtu.edu.cn", "u-paris.fr", "univ-lyon1.fr");

    @Override
    public boolean isKnown(String schacCode) {
        return KNOWN.contains(schacCode);
    }
}
