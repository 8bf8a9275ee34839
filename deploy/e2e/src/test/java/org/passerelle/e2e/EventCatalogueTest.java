package org.passerelle.e2e;

import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.EventContracts;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/events holds together: the AsyncAPI document names every schema, and every schema's example is valid. */
class EventCatalogueTest {

    @Test
    @SuppressWarnings("unchecked")
    void theAsyncApiDocumentAndTheSchemasDescribeTheSameEvents() throws Exception {
        Path catalogue = EventContracts.catalogue();
        Map<String, Object> asyncApi = new Yaml().load(Files.readString(catalogue.resolve("asyncapi.yaml")));
        var messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) asyncApi.get("components")).get("messages");

        Set<String> documented = new HashSet<>();
        for (var message : messages.values()) {
            String type = (String) message.get("name");
            String payload = (String) ((Map<String, Object>) message.get("payload")).get("$ref");
            assertEquals(EventContracts.schemaFile(type).normalize(), catalogue.resolve(payload).normalize(),
                    "the message " + type + " points at its schema");
            documented.add(type);
        }

        Set<String> schemas = new HashSet<>();
        try (Stream<Path> files = Files.walk(catalogue)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                String service = file.getParent().getFileName().toString();
                String type = "passerelle." + service + "." + file.getFileName().toString().replace(".schema.json", "");
                assertEquals(List.of(), EventContracts.violations(type, EventContracts.example(type)), "example of " + type);
                schemas.add(type);
            }
        }
        assertTrue(!schemas.isEmpty());
        assertEquals(schemas, documented, "every schema has its message in asyncapi.yaml, and no message lacks a schema");
    }
}
