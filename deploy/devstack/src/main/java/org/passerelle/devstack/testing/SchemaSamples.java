package org.passerelle.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * A plausible value of a schema of an OpenAPI document: its example where it has one, otherwise the required
 * properties filled by type and format. Good enough for a request to pass the input checks of most operations, so
 * that what refuses it is the rule under test (tenancy, a mutated field), not a missing field.
 */
final class SchemaSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deep enough for the documents' nested schemas, shallow enough to stop a recursive one. */
    private static final int MAX_DEPTH = 8;

    private final JsonNode document;

    SchemaSamples(JsonNode document) {
        this.document = document;
    }

    /** The schema a {@code $ref} names, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
        }
        return current;
    }

    JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    private JsonNode sample(JsonNode given, int depth) {
        JsonNode schema = resolve(given);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        if (schema.path("allOf").isArray()) {
            ObjectNode merged = NODES.objectNode();
            schema.path("allOf").forEach(part -> {
                if (sample(part, depth + 1) instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            });
            return merged;
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
                return sample(schema.path(choice).get(0), depth + 1);
            }
        }
        return byType(schema, depth);
    }

    private JsonNode byType(JsonNode schema, int depth) {
        String type = type(schema);
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                JsonNode properties = schema.path("properties");
                schema.path("required").forEach(name ->
                        object.set(name.asText(), sample(properties.path(name.asText()), depth + 1)));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.path("minimum").asLong(1));
            }
            case "number" -> {
                return NODES.numberNode(schema.path("minimum").asDouble(1));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(text(schema));
            }
        }
    }

    /** The schema's type; an object where it has properties, a text otherwise. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static String text(JsonNode schema) {
        String sample = switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2027-07-05";
            case "date-time" -> "2027-07-05T10:00:00Z";
            case "email" -> "sample@example.org";
            case "uri", "url" -> "https://example.org/sample";
            default -> "Sample";
        };
        int minLength = schema.path("minLength").asInt(0);
        return sample.length() >= minLength ? sample : sample + "x".repeat(minLength - sample.length());
    }
}
