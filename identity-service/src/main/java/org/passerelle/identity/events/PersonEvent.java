package org.passerelle.identity.events;

import java.util.UUID;

/**
 * A domain event of a person, as the Person aggregate returns it from the change that caused it; published on
 * identity.person.events with the person id as key.
 */
public interface PersonEvent {

    UUID personId();
}
