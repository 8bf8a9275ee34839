package org.passerelle.mobility.events;

import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;

/** Every event type this service publishes has its schema in docs/events, with a valid example. */
class EventCatalogueTest {

    @Test
    void everyPublishedEventTypeHasItsSchema() throws Exception {
        var types = EventContracts.assertEveryPublishedTypeHasItsSchema("mobility");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("passerelle.mobility.ChecklistCompleted.v1",
                        "passerelle.mobility.ChecklistExceptionRecorded.v1", "passerelle.mobility.DocumentAccepted.v1",
                        "passerelle.mobility.DocumentExpired.v1", "passerelle.mobility.DocumentExpiring.v1",
                        "passerelle.mobility.DocumentRejected.v1", "passerelle.mobility.DocumentSubmitted.v1",
                        "passerelle.mobility.LearningAgreementApproved.v1",
                        "passerelle.mobility.LearningAgreementProposed.v1", "passerelle.mobility.MobilityAccepted.v1",
                        "passerelle.mobility.MobilityCancelled.v1", "passerelle.mobility.MobilityCompleted.v1",
                        "passerelle.mobility.MobilityNominated.v1", "passerelle.mobility.MobilityRejected.v1", "passerelle.mobility.MobilitySeatRefused.v1",
                        "passerelle.mobility.MobilityStarted.v1", "passerelle.mobility.PersonalDataRead.v1",
                        "passerelle.mobility.SignedLearningAgreementAttached.v1"),
                types.stream().sorted().toList());
    }
}
