package org.passerelle.mobility.events;

import java.util.UUID;

/**
 * A domain event of a mobility (its lifecycle or its learning agreement), as the aggregates return it from the
 * change that caused it; published on mobility.mobility.events with the mobility id as key.
 */
public interface MobilityEvent {

    UUID mobilityId();
}
