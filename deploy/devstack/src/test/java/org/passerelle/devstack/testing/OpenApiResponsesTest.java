package org.passerelle.devstack.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers against a small OpenAPI 3.1 document written as SmallRye writes them. */
class OpenApiResponsesTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/things/{id}": {"get": {"responses": {
                 "200": {"description": "the thing", "headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "none", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}},
                 "delete": {"responses": {"204": {"description": "gone"}}}},
               "/api/things/search": {"get": {"responses": {
                 "200": {"description": "found", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "name"], "properties": {
                 "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"},
                 "note": {"type": ["string", "null"]},
                 "owner": {"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]}}},
               "Owner": {"type": "object", "properties": {"code": {"type": "string"}}},
               "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}}}}
            """;
    private static final String ID = "0b7f4c5e-3c55-4f3e-9d8a-1e2f3a4b5c6d";
    private static final OpenApiResponses CONTRACT = OpenApiResponses.of(DOCUMENT);

    private static List<String> get(String path, int status, String contentType, String body) {
        return CONTRACT.findings("GET", path, status, List.of("etag", "Content-Type"), contentType, body);
    }

    @Test
    void anAnswerAsDocumentedHasNoFinding() {
        assertEquals(List.of(), get("/api/things/" + ID, 200, "application/json;charset=UTF-8",
                "{\"id\":\"" + ID + "\",\"name\":\"a\",\"note\":null,\"owner\":null}"));
        assertEquals(List.of(), get("/api/things/" + ID, 200, "application/json",
                "{\"id\":\"" + ID + "\",\"name\":\"a\",\"owner\":{\"code\":\"x\"}}"));
        assertEquals(List.of(), get("/api/things/" + ID, 404, "application/problem+json", "{\"type\":\"t\",\"status\":404}"));
        assertEquals(List.of(), CONTRACT.findings("DELETE", "/api/things/" + ID, 204, List.of(), null, ""));
        assertEquals(List.of(), get("/api/nothing", 404, "application/problem+json", "{}"), "the router's 404");
    }

    @Test
    void aNullTheSchemaDoesNotAdmitIsAFinding() {
        List<String> findings = get("/api/things/" + ID, 200, "application/json", "{\"id\":\"" + ID + "\",\"name\":null}");
        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).contains("name"), findings::toString);
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsAFinding() {
        List<String> findings = get("/api/things/" + ID, 409, "application/problem+json", "{\"type\":\"t\"}");
        assertTrue(findings.get(0).contains("status not documented"), findings::toString);
    }

    @Test
    void aBodyOfAnotherShapeIsAFinding() {
        assertTrue(get("/api/things/search", 200, "application/json", "{\"id\":\"" + ID + "\",\"name\":\"a\"}").get(0)
                .contains("array"), "an object where a list is documented");
        assertTrue(get("/api/things/search", 200, "application/json", "[{\"id\":\"not-a-uuid\",\"name\":\"a\"}]").get(0)
                .contains("uuid"), "a format");
        assertTrue(get("/api/things/search", 200, "application/json", "[{\"id\":\"" + ID + "\",\"name\":\"a\",\"colour\":\"red\"}]")
                .get(0).contains("$[0].colour is not a field the document names"));
        assertTrue(get("/api/things/" + ID, 404, "application/problem+json", "{\"status\":\"404\"}").get(0)
                .contains("status"), "a problem with a status in text");
    }

    @Test
    void aMediaTypeBodyOrHeaderTheDocumentDoesNotSayIsAFinding() {
        assertTrue(get("/api/things/" + ID, 404, "application/json", "{}").get(0).contains("Content-Type application/json not documented"));
        assertTrue(CONTRACT.findings("DELETE", "/api/things/" + ID, 204, List.of(), "text/plain", "x").get(0).contains("says none"));
        assertTrue(get("/api/things/" + ID, 200, "application/json", "").get(0).contains("no body"));
        assertTrue(CONTRACT.findings("GET", "/api/things/" + ID, 200, List.of(), "application/json",
                "{\"id\":\"" + ID + "\",\"name\":\"a\"}").get(0).contains("required header ETag"));
        assertTrue(CONTRACT.findings("PUT", "/api/things/" + ID, 200, List.of(), "application/json", "{}").get(0).contains("takes no PUT"));
        assertTrue(get("/api/elsewhere", 200, "application/json", "{}").get(0).contains("no such path"));
    }
}
