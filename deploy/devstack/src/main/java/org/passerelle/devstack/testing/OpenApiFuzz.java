package org.passerelle.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Bad input against every operation of a running service's OpenAPI document: malformed JSON, wrong types, huge
 * strings, unicode edge cases (lone surrogates, right-to-left override, NUL, emoji), missing and duplicate fields,
 * bad path and query values, bad headers. Each case starts from a plausible request (the document's examples and
 * required properties, {@link SchemaSamples}) and breaks one thing. Every answer must be below 500, and every 4xx a
 * problem+json (RFC 9457) whose status is the answer's.
 * <p>
 * A few cases per operation run in the suite; {@code -Dfuzz.cases=N} runs N per operation (every family of case in
 * turn, then more variants of each) and {@code -Dfuzz.seed=S} another draw. The figures are printed.
 */
public final class OpenApiFuzz {

    /** Cases per operation in the suite: one of most families, a few seconds per service. */
    public static final int DEFAULT_CASES = 8;

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEPENDENCY_UNAVAILABLE = "urn:passerelle:problem:dependency-unavailable";

    /** Texts that break naive handling: as JSON escapes, so that lone surrogates and NUL reach the parser as such. */
    private static final List<String> UNICODE_JSON = List.of(
            "\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\"", "\"evil\\u202egnp.exe\"", "\"\\u200b\\ufeff\\ufffe\"",
            "\"👩🏽‍🎓🇨🇳 𝕏\"", "\"" + "e\u0301".repeat(2_000) + "\"", "\"ℌ𝔢𝔩𝔩𝔬 ‮\u05D0\u05D1\u202C\"");
    /** The same, as they may arrive in a URL: percent-encoded bytes, some not valid UTF-8. */
    private static final List<String> UNICODE_URL = List.of(
            "%00", "%ED%A0%80", "%E2%80%AEevil", "%F0%9F%98%80", "%C0%AF", "%FF%FE", "%EF%BB%BF", "..%2F..%2Fetc%2Fpasswd");
    private static final List<String> MALFORMED_JSON = List.of(
            "{", "{\"a\":}", "[1,2", "nul", "{\"a\":1}}", "", "{'a':1}", "{\"a\":1,}", "\"text\"", "[]", "null", "12",
            "{\"a\":\"\\x41\"}", "{\"a\":NaN}", "[".repeat(5_000));
    private static final List<JsonNode> WRONG_VALUES = List.of(
            NODES.numberNode(12345), NODES.textNode("text"), NODES.booleanNode(true), NODES.arrayNode(),
            NODES.objectNode(), NODES.nullNode(), NODES.numberNode(1e308), NODES.numberNode(-1),
            NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")), NODES.numberNode(0.5));

    private final URI root;
    private final String token;
    private final Map<String, String> pathValues = new HashMap<>();
    private final Set<String> withoutTheirDependency = new java.util.HashSet<>();
    private int casesPerOperation = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    private long seed = Long.getLong("fuzz.seed", 7L);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Operation(String method, String path, Map<String, JsonNode> pathParameters,
                             Map<String, JsonNode> queryParameters, Set<String> headers, String bodyType, JsonNode bodySchema) {

        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One request: a URL (path and query, already encoded), headers and a body of raw bytes (null: none). */
    private record Case(String family, String description, String url, Map<String, String> headers, byte[] body) {
    }

    private OpenApiFuzz(URI root, String token) {
        this.root = root;
        this.token = token;
    }

    /**
     * @param root  the service's root URL
     * @param token the caller's token, one allowed on most operations (e.g. the international office's), so that
     *              the cases reach the input checks
     */
    public static OpenApiFuzz of(URI root, String token) {
        return new OpenApiFuzz(root, token);
    }

    /** A real value of a path parameter (e.g. an existing object's id), so that cases reach past the lookup. */
    public OpenApiFuzz pathValue(String parameter, Object value) {
        pathValues.put(parameter, value.toString());
        return this;
    }

    /**
     * Operations that call a server the test application does not run (e.g. Keycloak's admin API): their answer
     * {@code 503 dependency-unavailable} to a request that passed every input check is counted apart, not as wrong.
     */
    public OpenApiFuzz withoutTheirDependency(String... operations) {
        withoutTheirDependency.addAll(List.of(operations));
        return this;
    }

    public OpenApiFuzz cases(int perOperation) {
        this.casesPerOperation = perOperation;
        return this;
    }

    /** Sends the cases; fails with every 5xx and every 4xx that is not a problem+json. */
    public void verify() {
        JsonNode document = document();
        SchemaSamples samples = new SchemaSamples(document);
        List<Operation> operations = operations(document);
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at " + root + " lists no operation under /api");
        }
        List<String> failures = new ArrayList<>();
        Map<String, Integer> families = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        int sent = 0;
        for (Operation operation : operations) {
            for (Case fuzzCase : draw(operation, samples)) {
                sent++;
                families.merge(fuzzCase.family(), 1, Integer::sum);
                HttpResponse<String> answer = send(operation, fuzzCase);
                if (answer.statusCode() == 503 && withoutTheirDependency.contains(operation.name())
                        && answer.body().contains(DEPENDENCY_UNAVAILABLE)) {
                    statuses.merge("503 " + DEPENDENCY_UNAVAILABLE + " (no such server in the test)", 1, Integer::sum);
                    continue;
                }
                statuses.merge(answer.statusCode() / 100 + "xx", 1, Integer::sum);
                String wrong = wrong(answer);
                if (wrong != null) {
                    failures.add(operation.name() + " with " + fuzzCase.family() + " (" + fuzzCase.description() + "): " + wrong);
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("OpenApiFuzz %s (%s): %d operations x up to %d cases = %d requests in %.1f s (seed %d), answers %s, "
                        + "%d wrong; cases by family %s%n",
                document.path("info").path("title").asText("?"), root, operations.size(), casesPerOperation, sent, millis / 1000.0, seed, statuses, failures.size(), families);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " wrong answers in " + sent + " requests:\n  " + String.join("\n  ", failures));
        }
    }

    /** A 5xx, or a 4xx that is not a problem+json of its own status; null when the answer is right. */
    private static String wrong(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        String shown = status + " " + answer.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                + body.substring(0, Math.min(300, body.length()));
        if (status >= 500) {
            return "a server error: " + shown;
        }
        if (status < 400) {
            return null;
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "a 4xx that is not application/problem+json: " + shown;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || !problem.path("type").isTextual()) {
                return "a problem without its status or type: " + shown;
            }
        } catch (IOException notJson) {
            return "a problem that is not JSON: " + shown;
        }
        return null;
    }

    /** Every family of case in turn (in an order drawn per operation), then further variants, up to the budget. */
    private List<Case> draw(Operation operation, SchemaSamples samples) {
        Random random = new Random(seed ^ operation.name().hashCode());
        Map<String, List<Case>> byFamily = new LinkedHashMap<>();
        for (Case candidate : candidates(operation, samples)) {
            byFamily.computeIfAbsent(candidate.family(), f -> new ArrayList<>()).add(candidate);
        }
        List<List<Case>> families = new ArrayList<>(byFamily.values());
        families.forEach(cases -> Collections.shuffle(cases, random));
        Collections.shuffle(families, random);
        List<Case> drawn = new ArrayList<>();
        for (int round = 0; drawn.size() < casesPerOperation; round++) {
            int before = drawn.size();
            for (List<Case> family : families) {
                if (round < family.size() && drawn.size() < casesPerOperation) {
                    drawn.add(family.get(round));
                }
            }
            if (drawn.size() == before) {
                break; // every candidate drawn
            }
        }
        return drawn;
    }

    private List<Case> candidates(Operation operation, SchemaSamples samples) {
        Map<String, String> pathSample = new LinkedHashMap<>();
        operation.pathParameters().forEach((name, schema) ->
                pathSample.put(name, pathValues.getOrDefault(name, urlValue(samples.sample(schema)))));
        Map<String, String> querySample = new LinkedHashMap<>();
        operation.queryParameters().forEach((name, schema) -> {
            if (schema.path("required").asBoolean(false)) {
                querySample.put(name, urlValue(samples.sample(schema)));
            }
        });
        Map<String, String> headers = baseHeaders(operation);
        JsonNode body = operation.bodySchema() == null ? null : samples.sample(operation.bodySchema());
        String bodyText = body == null ? null : body.toString();
        var cases = new Cases(operation, pathSample, querySample, headers, bodyText);

        cases.pathCases();
        cases.queryCases();
        cases.headerCases();
        if (operation.bodyType() != null && operation.bodyType().contains("json")) {
            cases.bodyCases(body instanceof ObjectNode object ? object : NODES.objectNode(), samples);
        } else if (operation.bodyType() != null) {
            cases.add("malformed body", "bytes that are not " + operation.bodyType(),
                    cases.url(pathSample, querySample), headers, new byte[] {(byte) 0xFF, 0, (byte) 0xFE, '\n', '"'});
        }
        return cases.all;
    }

    private Map<String, String> baseHeaders(Operation operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (operation.bodyType() != null) {
            headers.put("Content-Type", operation.bodyType());
        }
        if (operation.headers().contains("If-Match")) {
            headers.put("If-Match", "\"1\"");
        }
        if (operation.headers().contains("Idempotency-Key")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        return headers;
    }

    /** The cases of one operation, built from its plausible request. */
    private final class Cases {
        final List<Case> all = new ArrayList<>();
        final Operation operation;
        final Map<String, String> path;
        final Map<String, String> query;
        final Map<String, String> headers;
        final String body;

        Cases(Operation operation, Map<String, String> path, Map<String, String> query, Map<String, String> headers, String body) {
            this.operation = operation;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.body = body;
        }

        void add(String family, String description, String url, Map<String, String> headers, byte[] body) {
            all.add(new Case(family, description, url, headers, body));
        }

        void add(String family, String description, String url, Map<String, String> headers, String body) {
            add(family, description, url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        String url(Map<String, String> pathValues, Map<String, String> queryValues) {
            String url = operation.path();
            for (var value : pathValues.entrySet()) {
                url = url.replace("{" + value.getKey() + "}", value.getValue());
            }
            var query = new StringBuilder();
            queryValues.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
            return url + query;
        }

        void pathCases() {
            for (String name : path.keySet()) {
                for (String value : List.of("not-an-id", "-1", "%20", "x".repeat(5_000), "0".repeat(36))) {
                    add("bad path value", name + "=" + shorten(value), url(with(path, name, value), query), headers, body);
                }
                for (String value : UNICODE_URL) {
                    add("unicode in the path", name + "=" + value, url(with(path, name, value), query), headers, body);
                }
            }
        }

        void queryCases() {
            for (String name : operation.queryParameters().keySet()) {
                for (String value : List.of("abc", "-1", "99999999999999999999", "1.5", "true", "", "x".repeat(10_000))) {
                    add("bad query value", name + "=" + shorten(value), url(path, with(query, name, value)), headers, body);
                }
                for (String value : UNICODE_URL) {
                    add("unicode in the query", name + "=" + value, url(path, with(query, name, value)), headers, body);
                }
                String duplicated = url(path, query) + (query.isEmpty() ? "?" : "&") + name + "=1&" + name + "=2";
                add("duplicate query parameter", name + " twice", duplicated, headers, body);
                add("bracketed query parameter", name + "[x]=1", url(path, with(query, name + "%5Bx%5D", "1")), headers, body);
            }
            add("unknown query parameter", "?unknown=1", url(path, with(query, "unknown", "1")), headers, body);
        }

        void headerCases() {
            String url = url(path, query);
            if (operation.bodyType() != null) {
                for (String type : List.of("text/plain", "application/xml", "application/json; charset=utf-16", "garbage",
                        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded")) {
                    add("bad header", "Content-Type: " + type, url, with(headers, "Content-Type", type), body);
                }
                add("missing body", "no body at all", url, headers, (byte[]) null);
            }
            add("bad header", "Accept: application/xml", url, with(headers, "Accept", "application/xml"), body);
            add("bad header", "Accept-Language: ??", url, with(headers, "Accept-Language", "??;q=x"), body);
            add("bad header", "Authorization: Bearer x.y.z", url, with(headers, "Authorization", "Bearer x.y.z"), body);
            add("bad header", "Authorization: Basic", url, with(headers, "Authorization", "Basic Zm9vOmJhcg=="), body);
            add("bad header", "huge header", url, with(headers, "X-Filler", "x".repeat(20_000)), body);
            if (operation.headers().contains("If-Match")) {
                for (String value : List.of("garbage", "W/\"1\"", "*", "\"" + "9".repeat(40) + "\"", "\"1\", \"2\"", "\"-1\"")) {
                    add("bad header", "If-Match: " + shorten(value), url, with(headers, "If-Match", value), body);
                }
                Map<String, String> without = new LinkedHashMap<>(headers);
                without.remove("If-Match");
                add("missing header", "no If-Match", url, without, body);
            }
            if (operation.headers().contains("Idempotency-Key")) {
                for (String value : List.of("", "x".repeat(1_000), "not a key ; \" ,")) {
                    add("bad header", "Idempotency-Key: " + shorten(value), url, with(headers, "Idempotency-Key", value), body);
                }
            }
        }

        void bodyCases(ObjectNode sample, SchemaSamples samples) {
            String url = url(path, query);
            for (String text : MALFORMED_JSON) {
                add("malformed JSON", shorten(text), url, headers, text);
            }
            add("malformed JSON", "invalid UTF-8 bytes", url, headers, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
            add("huge body", "1 MB of JSON", url, headers, "{\"a\":\"" + "x".repeat(1_000_000) + "\"}");
            List<String> fields = fields(sample);
            for (String field : fields) {
                for (JsonNode wrong : WRONG_VALUES) {
                    add("wrong type", field + "=" + wrong, url, headers, with(sample, field, wrong.toString()));
                }
                add("huge string", field + " of 100,000 characters", url, headers,
                        with(sample, field, "\"" + "x".repeat(100_000) + "\""));
                for (String text : UNICODE_JSON) {
                    add("unicode", field + "=" + shorten(text), url, headers, with(sample, field, text));
                }
                ObjectNode missing = sample.deepCopy();
                if (missing.remove(field) != null) {
                    add("missing field", "without " + field, url, headers, missing.toString());
                }
                add("duplicate field", field + " twice", url, headers, duplicated(sample, field));
            }
            add("unknown field", "with \"unknown\"", url, headers, with(sample, "unknown", "1"));
        }
    }

    /** The fields of the plausible body, or one made up where it has none. */
    private static List<String> fields(ObjectNode sample) {
        List<String> fields = new ArrayList<>();
        sample.fieldNames().forEachRemaining(fields::add);
        return fields.isEmpty() ? List.of("a") : fields;
    }

    /** The sample with one field's JSON replaced by raw JSON text (which may hold escapes Jackson would not write). */
    private static String with(ObjectNode sample, String field, String json) {
        ObjectNode copy = sample.deepCopy();
        copy.put(field, "\u0001placeholder\u0001");
        return copy.toString().replace("\"\\u0001placeholder\\u0001\"", json);
    }

    private static String duplicated(ObjectNode sample, String field) {
        JsonNode value = sample.get(field);
        String other = value == null || value.isTextual() ? "12" : "\"other\"";
        return sample.toString().replaceFirst("^\\{", "{\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(other) + ",");
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "...(" + text.length() + " characters)";
    }

    private static String urlValue(JsonNode sample) {
        String text = sample.isTextual() ? sample.asText() : sample.isNull() ? "1" : sample.toString();
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(Operation operation, Case fuzzCase) {
        var body = fuzzCase.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body());
        var request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + fuzzCase.url()))
                .timeout(Duration.ofSeconds(30)).method(operation.method().toUpperCase(), body);
        fuzzCase.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(operation.name() + " with " + fuzzCase.description() + " could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api")) {
                return;
            }
            path.getValue().fields().forEachRemaining(entry -> {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(operation(entry.getKey(), path.getKey(), path.getValue(), entry.getValue()));
                }
            });
        });
        return operations;
    }

    private static Operation operation(String method, String path, JsonNode pathItem, JsonNode node) {
        Map<String, JsonNode> inPath = new LinkedHashMap<>();
        Map<String, JsonNode> inQuery = new LinkedHashMap<>();
        Set<String> headers = new java.util.HashSet<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), node.path("parameters"))) {
            list.forEach(parameter -> {
                String name = parameter.path("name").asText();
                ObjectNode schema = parameter.path("schema").isObject() ? parameter.path("schema").deepCopy() : NODES.objectNode();
                if (parameter.path("required").asBoolean(false)) {
                    schema.put("required", true); // read back by candidates()
                }
                switch (parameter.path("in").asText()) {
                    case "path" -> inPath.put(name, schema);
                    case "query" -> inQuery.put(name, schema);
                    case "header" -> headers.add(name);
                    default -> { }
                }
            });
        }
        JsonNode content = node.path("requestBody").path("content");
        String bodyType = !node.has("requestBody") ? null
                : content.has("application/json") || !content.fieldNames().hasNext() ? "application/json"
                : content.fieldNames().next();
        JsonNode schema = bodyType == null ? null : content.path(bodyType).get("schema");
        return new Operation(method, path, inPath, inQuery, headers, bodyType, schema);
    }

    private JsonNode document() {
        var request = HttpRequest.newBuilder(root.resolve("/q/openapi?format=json")).timeout(Duration.ofSeconds(20)).build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /q/openapi answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
