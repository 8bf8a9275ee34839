package org.passerelle.curriculum.events;

import java.util.UUID;

/**
 * A domain event of the catalogue (an item or one of its sessions), as the aggregates return it from the change
 * that caused it; published on curriculum.catalogue.events with the item id as key, so an item's events stay in order.
 */
public interface CatalogueEvent {

    UUID itemId();
}
