package org.passerelle.devstack.testing;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.events.EventType;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard each service runs: an event type without its schema in docs/events fails the build. */
class EventContractsTest {

    @EventType(name = "AgreementActivated", aggregate = "agreement")
    record Catalogued() {
    }

    @EventType(name = "AgreementRenamed", aggregate = "agreement")
    record NotCatalogued() {
    }

    @Test
    void findsTheAnnotatedPayloadsAndRefusesTheOneWithoutASchema() throws Exception {
        Path compiled = Path.of("target/test-classes");
        assertEquals(List.of("passerelle.agreements.AgreementActivated.v1", "passerelle.agreements.AgreementRenamed.v1"),
                EventContracts.publishedTypes(compiled, "agreements").stream().sorted().toList());
        var refused = assertThrows(AssertionError.class,
                () -> EventContracts.assertEveryPublishedTypeHasItsSchema(compiled, "agreements"));
        assertTrue(refused.getMessage().contains("AgreementRenamed.v1.schema.json"), refused.getMessage());
    }

    @Test
    void anExampleThatBreaksItsSchemaIsReported() {
        String broken = EventContracts.example("passerelle.agreements.AgreementActivated.v1").replace("\"2025/2026\"", "\"2025\"");
        assertTrue(!EventContracts.violations("passerelle.agreements.AgreementActivated.v1", broken).isEmpty());
    }
}
