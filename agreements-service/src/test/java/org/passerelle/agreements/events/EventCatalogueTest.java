package org.passerelle.agreements.events;

import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type this service publishes has its schema in docs/events, and the schema's example is valid. */
class EventCatalogueTest {

    @Test
    void everyPublishedEventTypeHasASchemaWithAValidExample() throws Exception {
        var types = EventContracts.publishedTypes(Path.of("target/classes"), "agreements");
        assertFalse(types.isEmpty());
        for (String type : types) {
            assertTrue(Files.exists(EventContracts.schemaFile(type)), "schema missing for " + type);
            assertEquals(java.util.List.of(), EventContracts.violations(type, EventContracts.example(type)), type);
        }
    }
}
