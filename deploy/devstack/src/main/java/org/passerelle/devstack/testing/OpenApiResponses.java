package org.passerelle.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether an answer of a service is one its own OpenAPI document (3.1, JSON Schema 2020-12) allows: the operation is
 * found by method and path template, and then
 * <ul>
 *   <li>the status is documented on the operation (or a {@code default} or {@code 4XX} range is);</li>
 *   <li>every header the documented answer marks required is sent;</li>
 *   <li>a body is sent only where the answer documents content, in a media type it documents, and an answer that
 *       documents content sends a body;</li>
 *   <li>a JSON body (application/json, application/problem+json, ...) is valid against the documented schema, its
 *       {@code $ref}s resolved in the document: a null where the schema does not admit null, a missing required
 *       field, a value of another type or format, or a field the schema does not name is a finding.</li>
 * </ul>
 * An answer to a path the document does not have is a finding unless it is a 404, and to a method the path does not
 * take unless it is a 405 (the router's answers, not an operation's).
 */
public final class OpenApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_URI = "https://passerelle.invalid/openapi.json";
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** A path of the document, as a regular expression over the raw path of a request. */
    private record Template(String path, Pattern pattern, int parameters) {

        static Template of(String path) {
            StringBuilder regex = new StringBuilder();
            int parameters = 0;
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    parameters++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new Template(path, Pattern.compile(regex.toString()), parameters);
        }
    }

    private OpenApiResponses(JsonNode document, String json) {
        this.document = document;
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, json))));
        document.path("paths").fieldNames().forEachRemaining(path -> templates.add(Template.of(path)));
        // a literal segment wins over a parameter: /api/things/search before /api/things/{id}
        templates.sort(Comparator.comparingInt(Template::parameters));
    }

    /** Reads the document in JSON ({@code /q/openapi?format=json}). */
    public static OpenApiResponses of(String json) {
        try {
            return new OpenApiResponses(JSON.readTree(json), json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document in JSON: " + e.getMessage(), e);
        }
    }

    /**
     * What the answer does that the document does not allow; empty when it keeps to it.
     *
     * @param path        the raw path of the request, without query
     * @param headers     the names of the headers answered, in any case
     * @param contentType the Content-Type answered, or null or empty without one
     * @param body        the body answered, empty without one
     */
    public List<String> findings(String method, String path, int status, List<String> headers, String contentType, String body) {
        String name = method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        if (template.isEmpty()) {
            return status == 404 ? List.of() : List.of(name + ": no such path in the document");
        }
        String operationPointer = "/paths/" + escape(template.get().path()) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.at(operationPointer);
        if (operation.isMissingNode()) {
            return status == 405 || method.equalsIgnoreCase("HEAD") || method.equalsIgnoreCase("OPTIONS")
                    ? List.of() : List.of(name + ": " + template.get().path() + " takes no " + method.toUpperCase(Locale.ROOT));
        }
        String answerKey = answerKey(operation.path("responses"), status);
        if (answerKey == null) {
            return List.of(name + ": status not documented on " + method.toUpperCase(Locale.ROOT) + " " + template.get().path()
                    + " (it documents " + names(operation.path("responses")) + ")");
        }
        JsonNode answer = resolve(operation.path("responses").path(answerKey));
        List<String> findings = new ArrayList<>();
        for (var header : answer.path("headers").properties()) {
            if (resolve(header.getValue()).path("required").asBoolean()
                    && headers.stream().noneMatch(h -> h.equalsIgnoreCase(header.getKey()))) {
                findings.add(name + ": required header " + header.getKey() + " not sent");
            }
        }
        findings.addAll(bodyFindings(name, operationPointer + "/responses/" + escape(answerKey), answer, contentType, body,
                method.equalsIgnoreCase("HEAD")));
        return findings;
    }

    private List<String> bodyFindings(String name, String answerPointer, JsonNode answer, String contentType, String body,
                                      boolean head) {
        JsonNode content = answer.path("content");
        boolean sent = body != null && !body.isEmpty();
        if (!sent) {
            return content.isEmpty() || head ? List.of() : List.of(name + ": no body, documented " + names(content));
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (content.isEmpty()) {
            return List.of(name + ": a body (" + mediaType + ") where the document says none");
        }
        String documented = documentedMediaType(content, mediaType);
        if (documented == null) {
            return List.of(name + ": Content-Type " + mediaType + " not documented (it documents " + names(content) + ")");
        }
        if (!isJson(mediaType) || !content.path(documented).has("schema")) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(name + ": " + mediaType + " body is not JSON: " + e.getMessage());
        }
        String schemaPointer = answerPointer + "/content/" + escape(documented) + "/schema";
        List<String> findings = new ArrayList<>();
        compiled.computeIfAbsent(schemaPointer, this::schemaAt).validate(value)
                .forEach(message -> findings.add(name + ": " + message.getMessage()));
        undocumentedFields(value, List.of(content.path(documented).path("schema")), "$", name, findings);
        return findings;
    }

    /**
     * The fields of the body that no schema names (SmallRye writes no additionalProperties: false, and a client
     * generated from the document drops or refuses them). An object schema with no properties is a free-form map.
     */
    private void undocumentedFields(JsonNode value, List<JsonNode> schemas, String at, String name, List<String> findings) {
        List<JsonNode> options = new ArrayList<>();
        schemas.forEach(schema -> flatten(schema, options));
        if (value.isArray()) {
            List<JsonNode> items = options.stream().map(o -> o.path("items")).filter(JsonNode::isObject).toList();
            for (int i = 0; i < value.size() && !items.isEmpty(); i++) {
                undocumentedFields(value.get(i), items, at + "[" + i + "]", name, findings);
            }
        } else if (value.isObject()) {
            boolean closed = options.stream().anyMatch(o -> o.has("properties"))
                    && options.stream().noneMatch(o -> o.has("additionalProperties") && !o.path("additionalProperties").equals(
                    com.fasterxml.jackson.databind.node.BooleanNode.FALSE) || o.has("patternProperties"));
            for (var field : value.properties()) {
                List<JsonNode> fieldSchemas = options.stream().map(o -> o.path("properties").path(field.getKey()))
                        .filter(JsonNode::isObject).toList();
                if (fieldSchemas.isEmpty() && closed) {
                    findings.add(name + ": " + at + "." + field.getKey() + " is not a field the document names");
                } else if (!fieldSchemas.isEmpty()) {
                    undocumentedFields(field.getValue(), fieldSchemas, at + "." + field.getKey(), name, findings);
                }
            }
        }
    }

    /** The schema with what its $ref, allOf, anyOf and oneOf bring. */
    private void flatten(JsonNode schema, List<JsonNode> into) {
        JsonNode resolved = resolve(schema);
        into.add(resolved);
        if (resolved != schema) {
            into.add(schema);
        }
        for (String combiner : List.of("allOf", "anyOf", "oneOf")) {
            resolved.path(combiner).forEach(option -> flatten(option, into));
        }
    }

    private JsonSchema schemaAt(String pointer) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer), CONFIG);
    }

    /** The status itself, else its range (4XX), else default; null when none is documented. */
    private static String answerKey(JsonNode responses, int status) {
        for (String key : List.of(String.valueOf(status), status / 100 + "XX", status / 100 + "xx", "default")) {
            if (responses.has(key)) {
                return key;
            }
        }
        return null;
    }

    private static String documentedMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        String range = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : mediaType;
        return content.has(range) ? range : content.has("*/*") ? "*/*" : null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A response or header given as {@code $ref} to components. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? resolve(document.at(ref.substring(1))) : node;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A JSON pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
