package org.passerelle.identity.events;

import java.util.UUID;

/**
 * A domain event of an institution, as the Institution aggregate returns it from the change that caused it;
 * published on identity.institution.events with the institution id as key.
 */
public interface InstitutionEvent {

    UUID institutionId();
}
