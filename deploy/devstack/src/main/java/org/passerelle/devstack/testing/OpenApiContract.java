package org.passerelle.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a service's OpenAPI document must say for a client generated from it to work, checked over the whole document
 * so that an operation or field added later is checked without anyone listing it:
 * <ul>
 *   <li>a problem's {@code instance} is a relative reference ({@code format: uri-reference}, not {@code uri});</li>
 *   <li>every If-Match header is required (the services answer 428 without it);</li>
 *   <li>every operation on a path naming an id documents 404;</li>
 *   <li>every pattern is anchored and free of Java-only syntax ({@code \p{IsHan}}, possessive quantifiers, ...),
 *       as JSON Schema reads patterns as ECMA-262 regular expressions that may match anywhere;</li>
 *   <li>each field the test names as one that can be null is declared nullable.</li>
 * </ul>
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Constructs Java's regular expressions accept and ECMA-262 does not, or reads otherwise. */
    private static final Pattern JAVA_ONLY = Pattern.compile(
            "\\\\p\\{(Is|In|java|Alpha|Alnum|Lower|Upper|Punct|Graph|Print|Blank|Cntrl|XDigit|Space|ASCII)"
                    + "|\\\\[AZzhHRQEGX]|\\(\\?>|[*+?}][+]|&&|\\\\s");

    private final JsonNode document;
    private final List<String> gaps = new ArrayList<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** Reads the document in JSON ({@code /q/openapi?format=json}). */
    public static OpenApiContract of(String json) {
        try {
            return new OpenApiContract(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails naming every gap, each field of {@code nullable} ("Schema.property") that is not declared nullable too. */
    public void verify(String... nullable) {
        checkProblemInstance();
        checkOperations();
        checkPatterns(document, "");
        for (String field : nullable) {
            String[] parts = field.split("\\.");
            JsonNode property = document.path("components").path("schemas").path(parts[0]).path("properties").path(parts[1]);
            if (property.isMissingNode()) {
                gaps.add(field + ": no such property");
            } else if (!isNullable(property)) {
                gaps.add(field + ": can be null, not declared nullable: " + property);
            }
        }
        if (!gaps.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not say what the service does:\n  " + String.join("\n  ", gaps));
        }
    }

    /**
     * Whether null is valid against the schema (OpenAPI 3.1, JSON Schema 2020-12): each keyword beside the others must
     * admit it, so {@code type} must name "null" if present, {@code anyOf} / {@code oneOf} must hold an option that
     * admits it, and a {@code $ref} beside them is taken as refusing it.
     */
    public static boolean isNullable(JsonNode schema) {
        if (schema.has("$ref") || schema.has("allOf")) {
            return false;
        }
        JsonNode type = schema.path("type");
        boolean typeAdmits = type.isMissingNode() || "null".equals(type.asText())
                || type.isArray() && java.util.stream.StreamSupport.stream(type.spliterator(), false).anyMatch(t -> "null".equals(t.asText()));
        if (!typeAdmits) {
            return false;
        }
        for (String combiner : List.of("anyOf", "oneOf")) {
            if (schema.has(combiner) && !java.util.stream.StreamSupport.stream(schema.path(combiner).spliterator(), false)
                    .anyMatch(OpenApiContract::isNullable)) {
                return false;
            }
        }
        return !type.isMissingNode() || schema.has("anyOf") || schema.has("oneOf");
    }

    private void checkProblemInstance() {
        String format = document.path("components").path("schemas").path("Problem").path("properties").path("instance")
                .path("format").asText();
        if (!"uri-reference".equals(format)) {
            gaps.add("Problem.instance: format " + format + ", not uri-reference");
        }
    }

    private void checkOperations() {
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = operation.getValue();
                for (JsonNode parameter : o.path("parameters")) {
                    if ("header".equals(parameter.path("in").asText()) && "If-Match".equalsIgnoreCase(parameter.path("name").asText())
                            && !parameter.path("required").asBoolean()) {
                        gaps.add(name + ": If-Match not required");
                    }
                }
                if (path.getKey().contains("{") && !o.path("responses").has("404")) {
                    gaps.add(name + ": no 404");
                }
            }
        }
    }

    private void checkPatterns(JsonNode node, String where) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if ("pattern".equals(field.getKey()) && field.getValue().isTextual()) {
                    checkPattern(where, field.getValue().asText());
                } else {
                    checkPatterns(field.getValue(), where + "/" + field.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkPatterns(node.get(i), where + "/" + i);
            }
        }
    }

    private void checkPattern(String where, String pattern) {
        if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
            gaps.add(where + ": pattern not anchored: " + pattern);
        }
        if (JAVA_ONLY.matcher(pattern).find()) {
            gaps.add(where + ": pattern in Java-only syntax: " + pattern);
        }
    }
}
