package org.passerelle.devstack.origin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One OpenAPI document of the four services, as the web frontend sees them behind the one origin: every path as its
 * service documents it, every operation id once, and each component (Problem, FieldError, the bearer scheme, ...)
 * once when the services define it alike. Two services that define a path, an operation id or a component of the
 * same name differently cannot be merged: {@link #of} then fails naming it and both services, so that one of them
 * renames it ({@code @Schema(name = ...)}, {@code @Operation(operationId = ...)}) rather than a client getting the
 * wrong one.
 */
public final class MergedOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** What the merge writes itself or takes from each service's paths, components and tags. */
    private static final List<String> MERGED_KEYS = List.of("openapi", "info", "servers", "paths", "components", "tags");

    private final ObjectNode document;

    private MergedOpenApi(ObjectNode document) {
        this.document = document;
    }

    /** Thrown when two services' documents say different things under one name. */
    public static final class Clash extends IllegalStateException {
        Clash(List<String> clashes) {
            super("the services' OpenAPI documents cannot be merged into one:\n  " + String.join("\n  ", clashes));
        }
    }

    /**
     * Merges the documents (JSON, as {@code /q/openapi?format=json} answers), keyed by service name in the order
     * the merged document lists them.
     */
    public static MergedOpenApi of(Map<String, String> documentsByService) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documentsByService.forEach((service, json) -> documents.put(service, read(json)));
        List<String> clashes = new ArrayList<>();
        Map<String, Owned> paths = new TreeMap<>();
        Map<String, String> operationIds = new TreeMap<>();
        Map<String, Map<String, Owned>> components = new TreeMap<>();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        String version = null;
        for (var entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonNode document = entry.getValue();
            String openapi = document.path("openapi").asText();
            if (version != null && !version.equals(openapi)) {
                clashes.add("openapi version: " + openapi + " in " + service + ", " + version + " in the others");
            }
            version = openapi;
            for (var path : document.path("paths").properties()) {
                put(paths, path.getKey(), new Owned(service, path.getValue()), "path " + path.getKey(), clashes);
                for (var operation : path.getValue().properties()) {
                    if (!METHODS.contains(operation.getKey())) {
                        continue;
                    }
                    String name = operation.getKey().toUpperCase() + " " + path.getKey() + " (" + service + ")";
                    String id = operation.getValue().path("operationId").asText("");
                    if (id.isEmpty()) {
                        clashes.add("operation " + name + " has no operationId");
                    } else if (operationIds.putIfAbsent(id, name) != null) {
                        clashes.add("operationId " + id + ": " + operationIds.get(id) + " and " + name);
                    }
                }
            }
            for (var section : document.path("components").properties()) {
                var named = components.computeIfAbsent(section.getKey(), key -> new TreeMap<>());
                for (var component : section.getValue().properties()) {
                    put(named, component.getKey(), new Owned(service, component.getValue()),
                            "components." + section.getKey() + "." + component.getKey(), clashes);
                }
            }
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag); // a tag only groups operations: the first description stays
            }
            document.properties().forEach(field -> {
                if (!MERGED_KEYS.contains(field.getKey())) {
                    clashes.add(field.getKey() + " (in " + service + "): the merge does not know how to combine it");
                }
            });
        }
        if (!clashes.isEmpty()) {
            throw new Clash(clashes);
        }
        return new MergedOpenApi(assemble(version, documents, paths, components, tags));
    }

    private record Owned(String service, JsonNode node) {
    }

    private static void put(Map<String, Owned> into, String name, Owned candidate, String what, List<String> clashes) {
        Owned existing = into.putIfAbsent(name, candidate);
        if (existing != null && !existing.node().equals(candidate.node())) {
            clashes.add(what + ": defined differently by " + existing.service() + " and " + candidate.service());
        }
    }

    private static ObjectNode assemble(String version, Map<String, JsonNode> documents, Map<String, Owned> paths,
                                       Map<String, Map<String, Owned>> components, Map<String, JsonNode> tags) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", version);
        ObjectNode info = merged.putObject("info");
        info.put("title", "Passerelle API");
        info.put("version", documents.values().stream().map(d -> d.path("info").path("version").asText())
                .distinct().reduce((a, b) -> a + ", " + b).orElse(""));
        StringBuilder description = new StringBuilder("The four services of Passerelle behind one origin (./deploy/run: "
                + "http://127.0.0.1:8080; in a cluster, the ingress), each owning its paths:\n");
        documents.forEach((service, document) -> description.append("\n- **").append(service).append("**: ")
                .append(document.path("info").path("description").asText()));
        description.append("\n\nGenerated from the services' documents; see docs/api/frontend.md.");
        info.put("description", description.toString());
        merged.putArray("servers").addObject().put("url", "/").put("description", "the one origin this document is served from");
        ArrayNode tagList = merged.putArray("tags");
        tags.keySet().stream().sorted().forEach(name -> tagList.add(tags.get(name)));
        ObjectNode pathNode = merged.putObject("paths");
        paths.forEach((path, owned) -> pathNode.set(path, withResponsesInOrder(owned.node())));
        ObjectNode componentNode = merged.putObject("components");
        components.forEach((section, named) -> {
            ObjectNode sectionNode = componentNode.putObject(section);
            named.forEach((name, owned) -> sectionNode.set(name, owned.node()));
        });
        return merged;
    }

    /**
     * The path item with each operation's responses in the order of their status codes: a service lists them in an
     * order that may change from one build to the next (its filter adds them from an unordered map), and the
     * document in docs/ must change only when the API does.
     */
    private static JsonNode withResponsesInOrder(JsonNode pathItem) {
        ObjectNode copy = pathItem.deepCopy();
        copy.properties().forEach(operation -> {
            if (operation.getValue().path("responses") instanceof ObjectNode responses) {
                var byStatus = new TreeMap<String, JsonNode>();
                responses.properties().forEach(answer -> byStatus.put(answer.getKey(), answer.getValue()));
                responses.removeAll();
                byStatus.forEach(responses::set);
            }
        });
        return copy;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String json() {
        try {
            return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML of docs/api/openapi.yaml: block style, keys in the document's order, so that a diff shows what changed. */
    public String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        Object tree = JSON.convertValue(document, Object.class);
        return "# Generated from the four services' OpenAPI documents by org.passerelle.devstack.origin.MergedOpenApi:\n"
                + "# do not edit; MergedOpenApiTest (deploy/e2e) writes it again when a service's document changes.\n"
                + new Yaml(options).dump(tree);
    }

    /** The merged document as a tree, for tests. */
    public JsonNode tree() {
        return document.deepCopy();
    }
}
