package org.passerelle.agreements.events;

import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every event type this service publishes has its schema in docs/events, with a valid example. */
class EventCatalogueTest {

    @Test
    void everyPublishedEventTypeHasItsSchema() throws Exception {
        var types = EventContracts.assertEveryPublishedTypeHasItsSchema("agreements");
        assertEquals(List.of("passerelle.agreements.AgreementActivated.v1", "passerelle.agreements.AgreementAmended.v1",
                        "passerelle.agreements.AgreementApproved.v1", "passerelle.agreements.AgreementExpired.v1",
                        "passerelle.agreements.AgreementProposed.v1", "passerelle.agreements.AgreementResumed.v1",
                        "passerelle.agreements.AgreementSuspended.v1", "passerelle.agreements.AgreementTerminated.v1"),
                types.stream().sorted().toList());
    }
}
