package org.passerelle.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The role and tenancy matrix of a running service, generated from its own OpenAPI document, so that an
 * operation added later is checked without anyone listing it.
 * <p>
 * The roles an operation allows are read from its security requirement, whose scopes are the roles of its
 * {@code @RolesAllowed} (quarkus-smallrye-openapi publishes them; an empty list means any authenticated caller).
 * An operation without a security requirement is a failure unless the test names it as public: a resource
 * method whose role was forgotten is open to anyone, and the document cannot tell it from a deliberate
 * {@code @PermitAll}.
 * <p>
 * Every operation is called without a token, then with a token of each role of the home institution and of a
 * foreign one. Path parameters are random UUIDs and bodies are {@code {}}, so that nothing is changed:
 * <ul>
 *   <li>no token: 401;</li>
 *   <li>a role the operation does not allow: 403;</li>
 *   <li>an allowed role: neither 401 nor 403, never a 5xx; an item read (GET with a path parameter) of an
 *       unknown id is 404; an empty body is 400 (or 404 when it is sent to an unknown id).</li>
 * </ul>
 * Every operation is also called, as each role but the international office, with a token that names no
 * institution and with one naming an institution nobody registered: 403 (unknown-institution where the role is
 * allowed), never served as an institution that owns nothing. The international office without an institution is
 * served.
 * <p>
 * Objects registered with {@link #ownedBy} add the tenancy check: every read under their path answers 404
 * (not-found) to the non-admin roles of another institution, as if the object did not exist, while the owner's
 * coordinator reaches it; and no list (a GET without path parameter) shows their id to those roles. Objects
 * registered with {@link #listedOnlyTo} get the list check alone.
 * <p>
 * Every write (POST, PUT, PATCH, DELETE) under an owned object's path is then sent to the object itself, with its
 * current ETag as {@code If-Match} and a body that passes the input checks (the request schema's example or required
 * properties, or the one the test gives with {@link #writeBody}), so that only the caller can be the reason for a
 * refusal: without a token 401; each role of another institution that the operation does not allow 403; each it
 * allows (but the international office) 404 not-found, the answer to an id that does not exist (the caller neither
 * changes nor learns of the object). After each operation's refused writes, every read under the object answers the
 * international office exactly as before.
 */
public final class OpenApiMatrix {

    public static final List<String> ROLES = List.of("admin", "coordinator", "student", "supervisor", "integration");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "urn:passerelle:problem:not-found";
    private static final String UNKNOWN_INSTITUTION = "urn:passerelle:problem:unknown-institution";

    private final URI root;
    private final String home;
    private final String foreign;
    /*
     * HTTP/1.1: the JDK client's default upgrade to HTTP/2 over plain HTTP now and then misreads the large OpenAPI
     * document ("protocol error: Frame type(34) ... exceeds MAX_FRAME_SIZE"), and the services speak HTTP/1.1 anyway.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> publicOperations = new LinkedHashSet<>();
    private final List<OwnedObject> ownedObjects = new ArrayList<>();
    private final List<OwnedObject> listedObjects = new ArrayList<>();
    private final Map<String, String> writeBodies = new HashMap<>();
    private final Set<String> notCompared = new LinkedHashSet<>();
    private SchemaSamples samples;
    private final List<String> failures = new ArrayList<>();
    private int calls;
    private int ownedWrites;
    /** The problem type of the last answer, so that a failure says what the service answered and why. */
    private String lastProblem = "";
    /** The body of the last answer, to look for ids a list must not show. */
    private String lastBody = "";

    private record Operation(String method, String path, Set<String> allowedRoles, boolean declared,
                             Map<String, String> pathParameters, String bodyType, JsonNode bodySchema) {

        String name() {
            return method.toUpperCase() + " " + path;
        }

        boolean allows(String role) {
            return !declared || allowedRoles.isEmpty() || allowedRoles.contains(role);
        }

        boolean isItemRead() {
            return method.equals("get") && !pathParameters.isEmpty();
        }

        boolean isWrite() {
            return !method.equals("get");
        }
    }

    /** {@code readableByAll}: an object every institution may read (a catalogue item) but only its owner change. */
    private record OwnedObject(String pathPrefix, String id, String institution, Map<String, String> within,
                               boolean readableByAll) {
    }

    private OpenApiMatrix(URI root, String home, String foreign) {
        this.root = root;
        this.home = home;
        this.foreign = foreign;
    }

    /**
     * @param root    the service's root URL (e.g. {@code @TestHTTPResource("/") URI})
     * @param home    the SCHAC code of the callers' institution
     * @param foreign the SCHAC code of an institution the objects of the test do not involve
     */
    public static OpenApiMatrix of(URI root, String home, String foreign) {
        return new OpenApiMatrix(root, home, foreign);
    }

    /** An operation meant to be public (an explicit {@code @PermitAll}), e.g. {@code "GET /api/institutions"}. */
    public OpenApiMatrix publicOperation(String operation) {
        publicOperations.add(operation);
        return this;
    }

    /**
     * An object of {@code institution} at {@code itemPath} (e.g. {@code /api/agreements/{id}}): every GET whose path
     * starts with it must answer 404 to another institution's callers.
     */
    public OpenApiMatrix ownedBy(String institution, String itemPath, Object id) {
        return ownedBy(institution, itemPath, id, Map.of());
    }

    /**
     * The same, with what it holds: values of the path parameters of reads under it (e.g. {@code documentId} of a
     * mobility's document), so that its owner reaches them too; parameters not given are random.
     */
    public OpenApiMatrix ownedBy(String institution, String itemPath, Object id, Map<String, ?> within) {
        Map<String, String> values = new HashMap<>();
        within.forEach((name, value) -> values.put(name, value.toString()));
        ownedObjects.add(new OwnedObject(itemPath, id.toString(), institution, Map.copyOf(values), false));
        return this;
    }

    /**
     * An object of {@code institution} at {@code itemPath} that every institution reads (e.g. a catalogue item) but
     * another's callers cannot change: its writes are checked as an owned object's, refused with 403 or 404 (the
     * object is no secret), and leave it unchanged.
     */
    public OpenApiMatrix changedOnlyBy(String institution, String itemPath, Object id) {
        ownedObjects.add(new OwnedObject(itemPath, id.toString(), institution, Map.of(), true));
        return this;
    }

    /**
     * An object of {@code institution} that no list (GET without path parameter) may show to another institution's
     * non-admin callers, for objects without an item read of their own (e.g. an agreement open for nominations).
     */
    public OpenApiMatrix listedOnlyTo(String institution, Object id) {
        listedObjects.add(new OwnedObject(null, id.toString(), institution, Map.of(), false));
        return this;
    }

    /**
     * The body to send with a write on an owned object, e.g. {@code ("POST /api/mobilities/{id}/rejection",
     * "{\"reason\":\"...\"}")}, where the sample the document gives would not pass the operation's input checks.
     */
    public OpenApiMatrix writeBody(String operation, String json) {
        writeBodies.put(operation, json);
        return this;
    }

    /**
     * A read under an owned object that is not compared before and after the refused writes, e.g. an export that
     * gathers other services' parts, which the test application does not run (it would wait for each).
     */
    public OpenApiMatrix notComparedAfterWrites(String operation) {
        notCompared.add(operation);
        return this;
    }

    /** Calls every operation of the document as every caller; fails with the list of every wrong answer. */
    public void verify() {
        List<Operation> operations = operations();
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at " + root + " lists no operation under /api");
        }
        for (Operation operation : operations) {
            verifyRoles(operation);
        }
        for (OwnedObject object : ownedObjects) {
            if (!object.readableByAll()) {
                verifyTenancy(object, operations);
                verifyLists(object, operations);
            }
            verifyWrites(object, operations);
        }
        for (OwnedObject object : listedObjects) {
            verifyLists(object, operations);
        }
        System.out.printf("OpenApiMatrix %s: %d operations, %d writes sent to owned objects, %d calls%n",
                root, operations.size(), ownedWrites, calls);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " wrong in " + operations.size() + " operations (" + calls + " calls):\n  "
                    + String.join("\n  ", failures));
        }
    }

    /** How many calls the last {@link #verify()} made, for the test to show how much it covered. */
    public int calls() {
        return calls;
    }

    private void verifyRoles(Operation operation) {
        if (!operation.declared() && !publicOperations.contains(operation.name())) {
            failures.add(operation.name() + " declares no role: annotate it with @RolesAllowed, or with a commented "
                    + "@PermitAll and name it as public in the matrix");
        }
        for (String role : operation.allowedRoles()) {
            if (!ROLES.contains(role)) {
                failures.add(operation.name() + " allows \"" + role + "\", which is not a role of the realm " + ROLES);
            }
        }
        String path = fill(operation, Map.of());
        int anonymous = call(operation, path, null);
        if (operation.declared()) {
            expect(anonymous == 401, operation, "without a token", 401, anonymous);
        } else {
            expectServed(operation, "without a token", anonymous);
        }
        for (String institution : List.of(home, foreign)) {
            for (String role : ROLES) {
                int status = call(operation, path, TestTokens.of(role, institution));
                String caller = "as " + role + " of " + institution;
                if (operation.allows(role)) {
                    expectServed(operation, caller, status);
                } else {
                    expect(status == 403, operation, caller, 403, status);
                }
            }
        }
        verifyUnknownInstitutions(operation, path);
    }

    /** A token without an institution, or of one nobody registered, acts for nothing: 403, whatever the role. */
    private void verifyUnknownInstitutions(Operation operation, String path) {
        if (!operation.declared()) {
            return;
        }
        String unknown = "unknown-" + UUID.randomUUID() + ".example";
        for (String role : ROLES) {
            Map<String, String> tokens = Map.of(
                    "as " + role + " of no institution", TestTokens.withoutInstitution(role),
                    "as " + role + " of an institution nobody registered", TestTokens.of(role, unknown));
            for (var token : tokens.entrySet()) {
                int status = call(operation, path, token.getValue());
                if (role.equals("admin")) {
                    expectServed(operation, token.getKey(), status);
                } else if (operation.allows(role)) {
                    expect(status == 403 && lastProblem.contains(UNKNOWN_INSTITUTION), operation, token.getKey(),
                            "403 " + UNKNOWN_INSTITUTION, status);
                } else {
                    expect(status == 403, operation, token.getKey(), 403, status);
                }
            }
        }
    }

    /** What an allowed caller must get: served or refused for its input, never as unauthorised nor by a crash. */
    private void expectServed(Operation operation, String caller, int status) {
        if (operation.bodyType() != null && operation.pathParameters().isEmpty()) {
            expect(status == 400, operation, caller + " with an empty body", 400, status);
        } else if (operation.bodyType() != null) {
            // whether the unknown id or the empty body is answered first is the service's choice
            expect(status == 400 || status == 404, operation, caller + " with an empty body for an unknown id",
                    "400 or 404", status);
        } else if (operation.isItemRead()) {
            expect(status == 404, operation, caller + " for an unknown id", 404, status);
        } else {
            expect(status != 401 && status != 403 && status < 500, operation, caller, "an answer to an allowed caller", status);
        }
    }

    private void verifyTenancy(OwnedObject object, List<Operation> operations) {
        int reads = 0;
        for (Operation operation : operations) {
            if (!operation.method().equals("get") || !operation.path().startsWith(object.pathPrefix())) {
                continue;
            }
            reads++;
            String path = fill(operation, ownedParameters(object));
            if (operation.allows("coordinator")) {
                // the owner reaches the object, so the foreign callers' 404 below is the tenancy's doing; a read may
                // still refuse the owner for another reason (e.g. no-such-version), never as not-found or unauthorised
                int owner = call(operation, path, TestTokens.of("coordinator", object.institution()));
                expect(owner < 500 && owner != 401 && owner != 403 && !lastProblem.contains(NOT_FOUND), operation,
                        "as coordinator of the owner " + object.institution(), "the object", owner);
            }
            for (String role : ROLES) {
                if (role.equals("admin") || !operation.allows(role)) {
                    continue; // the international office sees every institution's objects
                }
                int status = call(operation, path, TestTokens.of(role, foreign));
                expect(status == 404 && lastProblem.contains(NOT_FOUND), operation, "as " + role + " of " + foreign
                        + " for an object of " + object.institution(), "404 " + NOT_FOUND, status);
            }
        }
        if (reads == 0) {
            failures.add("no GET operation under " + object.pathPrefix() + " to check the tenancy of " + object.id());
        }
    }

    /**
     * Every write under the object, sent to it as another institution's callers, is refused as if the object did
     * not exist, and leaves it as it was.
     */
    private void verifyWrites(OwnedObject object, List<Operation> operations) {
        Map<String, String> parameters = ownedParameters(object);
        String etag = etag(object);
        String before = reads(object, operations);
        for (Operation operation : operations) {
            if (!operation.isWrite() || !operation.path().startsWith(object.pathPrefix())) {
                continue;
            }
            ownedWrites++;
            String path = fill(operation, parameters);
            String body = writeBody(operation);
            int anonymous = send(operation, path, null, body, etag);
            expect(anonymous == 401, operation, "without a token on an object of " + object.institution(), 401, anonymous);
            for (String role : ROLES) {
                String caller = "as " + role + " of " + foreign + " on an object of " + object.institution();
                if (!operation.allows(role)) {
                    int status = send(operation, path, TestTokens.of(role, foreign), body, etag);
                    expect(status == 403, operation, caller, 403, status);
                } else if (!role.equals("admin")) {
                    int status = send(operation, path, TestTokens.of(role, foreign), body, etag);
                    if (object.readableByAll()) {
                        expect(status == 403 || status == 404, operation, caller, "403 or 404", status);
                    } else {
                        expect(status == 404 && lastProblem.contains(NOT_FOUND), operation, caller, "404 " + NOT_FOUND, status);
                    }
                }
            }
            String after = reads(object, operations);
            if (!after.equals(before)) {
                failures.add(operation.name() + " refused to " + foreign + " changed the object " + object.id()
                        + " of " + object.institution() + ":\n    before " + before + "\n    after  " + after);
                before = after;
            }
        }
    }

    /** What the international office reads under the object: every item read's status and body. */
    private String reads(OwnedObject object, List<Operation> operations) {
        var seen = new StringBuilder();
        for (Operation operation : operations) {
            if (operation.isItemRead() && operation.path().startsWith(object.pathPrefix()) && !notCompared.contains(operation.name())) {
                String path = fill(operation, ownedParameters(object));
                int status = send(operation, path, TestTokens.of("admin", object.institution()), null, null);
                seen.append(operation.name()).append(' ').append(status).append(' ').append(lastBody).append('\n');
            }
        }
        return seen.toString();
    }

    /** The object's ETag, so that a write is refused for its caller and not for a missing or stale If-Match. */
    private String etag(OwnedObject object) {
        String path = ownedPath(object);
        var request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TestTokens.of("admin", object.institution())).GET().build();
        try {
            calls++;
            return http.send(request, HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElse("\"0\"");
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " could not be called", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String ownedPath(OwnedObject object) {
        String path = object.pathPrefix();
        for (var parameter : ownedParameters(object).entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return path;
    }

    private String writeBody(Operation operation) {
        if (operation.bodyType() == null) {
            return null;
        }
        if (writeBodies.containsKey(operation.name())) {
            return writeBodies.get(operation.name());
        }
        return operation.bodySchema() == null ? "{}" : samples.sample(operation.bodySchema()).toString();
    }

    /** No list shows the object to another institution's callers, whatever its filters' defaults. */
    private void verifyLists(OwnedObject object, List<Operation> operations) {
        for (Operation operation : operations) {
            if (!operation.method().equals("get") || !operation.pathParameters().isEmpty()) {
                continue;
            }
            for (String role : ROLES) {
                if (role.equals("admin") || !operation.allows(role)) {
                    continue;
                }
                int status = call(operation, operation.path(), TestTokens.of(role, foreign));
                expect(!lastBody.contains(object.id()), operation, "as " + role + " of " + foreign,
                        "no mention of " + object.id() + " of " + object.institution(), status);
            }
        }
    }

    /** The owned object's id in the parameters of its item path; the others stay random. */
    private static Map<String, String> ownedParameters(OwnedObject object) {
        Map<String, String> values = new HashMap<>(object.within());
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(object.pathPrefix());
        while (matcher.find()) {
            values.put(matcher.group(1), object.id());
        }
        return values;
    }

    private static String fill(Operation operation, Map<String, String> given) {
        String path = operation.path();
        for (var parameter : operation.pathParameters().entrySet()) {
            String value = given.getOrDefault(parameter.getKey(), sample(parameter.getValue()));
            path = path.replace("{" + parameter.getKey() + "}", value);
        }
        return path;
    }

    /** A value nobody has: a random UUID, or a random word where the parameter is not a UUID. */
    private static String sample(String format) {
        UUID random = UUID.randomUUID();
        return "uuid".equals(format) ? random.toString() : "unknown-" + random;
    }

    private void expect(boolean holds, Operation operation, String caller, Object expected, int actual) {
        if (!holds) {
            failures.add(operation.name() + " " + caller + ": expected " + expected + ", got " + actual + lastProblem);
        }
    }

    private int call(Operation operation, String path, String token) {
        return send(operation, path, token, operation.bodyType() == null ? null : "{}", null);
    }

    private int send(Operation operation, String path, String token, String body, String ifMatch) {
        calls++;
        var request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(20)).method(
                operation.method().toUpperCase(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", operation.bodyType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            lastBody = response.body();
            lastProblem = problemType(response.body());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(operation.name() + " could not be called", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String problemType(String body) {
        try {
            String type = JSON.readTree(body).path("type").asText("");
            return type.isEmpty() ? "" : " (" + type + ")";
        } catch (IOException notJson) {
            return "";
        }
    }

    private List<Operation> operations() {
        JsonNode document = document();
        samples = new SchemaSamples(document);
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
        JsonNode security = node.path("security");
        Set<String> roles = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.forEach(scopes -> scopes.forEach(scope -> roles.add(scope.asText()))));
        Map<String, String> parameters = new HashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), node.path("parameters"))) {
            list.forEach(parameter -> {
                if ("path".equals(parameter.path("in").asText())) {
                    parameters.put(parameter.path("name").asText(), parameter.path("schema").path("format").asText());
                }
            });
        }
        // {} is sent as JSON whenever the operation takes JSON, whatever other types it also takes (e.g. CSV)
        JsonNode content = node.path("requestBody").path("content");
        String bodyType = !node.has("requestBody") ? null
                : content.has("application/json") || !content.fieldNames().hasNext() ? "application/json"
                : content.fieldNames().next();
        JsonNode schema = bodyType == null ? null : content.path(bodyType).get("schema");
        return new Operation(method, path, roles, !security.isEmpty(), parameters, bodyType, schema);
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
