package org.passerelle.identity.events;

import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;

/** Every event type this service publishes has its schema in docs/events, with a valid example. */
class EventCatalogueTest {

    @Test
    void everyPublishedEventTypeHasItsSchema() throws Exception {
        EventContracts.assertEveryPublishedTypeHasItsSchema("identity");
    }
}
