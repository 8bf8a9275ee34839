package org.passerelle.devstack.origin;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merged document keeps every path, shares what the services define alike, and refuses what they do not. */
class MergedOpenApiTest {

    private static final String PROBLEM = "\"Problem\":{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"}}}";

    private static String document(String path, String operationId, String schemas) {
        return """
                {"openapi":"3.1.0","info":{"title":"t","version":"0.1.0","description":"d"},
                 "servers":[{"url":"http://localhost:8081"}],
                 "tags":[{"name":"Personal data","description":"export"}],
                 "paths":{"%s":{"get":{"operationId":"%s","responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{%s},"securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}"""
                .formatted(path, operationId, schemas);
    }

    private static Map<String, String> services(String... documents) {
        Map<String, String> byService = new LinkedHashMap<>();
        for (int i = 0; i < documents.length; i++) {
            byService.put("service-" + (char) ('a' + i), documents[i]);
        }
        return byService;
    }

    @Test
    void pathsStayAsTheyAreAndSharedComponentsAppearOnce() {
        var merged = MergedOpenApi.of(services(
                document("/api/agreements", "getAgreements", PROBLEM + ",\"Agreement\":{\"type\":\"object\"}"),
                document("/api/mobilities", "getMobilities", PROBLEM))).tree();
        assertEquals(List.of("/api/agreements", "/api/mobilities"), fieldNames(merged.path("paths")));
        assertEquals(List.of("Agreement", "Problem"), fieldNames(merged.at("/components/schemas")));
        assertEquals(List.of("SecurityScheme"), fieldNames(merged.at("/components/securitySchemes")));
        assertEquals(1, merged.path("tags").size(), "one tag of each name");
        assertEquals("/", merged.at("/servers/0/url").asText(), "the origin it is served from, not a service's port");
        assertTrue(MergedOpenApi.of(services(document("/api/x", "getX", PROBLEM))).yaml().contains("operationId: getX"));
    }

    /** A service lists an operation's answers in an order that may differ from one build to the next. */
    @Test
    void answersAreListedByStatusWhateverTheServicesOrder() {
        String answers = "\"responses\":{\"503\":{\"description\":\"x\"},\"200\":{\"description\":\"ok\"},\"404\":{\"description\":\"y\"}}";
        String document = document("/api/agreements", "getAgreements", PROBLEM).replace("\"responses\":{\"200\":{\"description\":\"ok\"}}", answers);
        var merged = MergedOpenApi.of(services(document)).tree();
        assertEquals(List.of("200", "404", "503"), fieldNames(merged.at("/paths/~1api~1agreements/get/responses")));
    }

    @Test
    void aSchemaTwoServicesDefineDifferentlyIsAClashNamingBoth() {
        var clash = assertThrows(MergedOpenApi.Clash.class, () -> MergedOpenApi.of(services(
                document("/api/accounts", "getAccounts", "\"Status\":{\"enum\":[\"ACTIVE\",\"DISABLED\"]}"),
                document("/api/mobilities", "getMobilities", "\"Status\":{\"enum\":[\"PROPOSED\"]}"))));
        assertTrue(clash.getMessage().contains("components.schemas.Status: defined differently by service-a and service-b"),
                clash.getMessage());
    }

    @Test
    void anOperationIdTwiceOrMissingIsAClashNamingTheOperations() {
        var twice = assertThrows(MergedOpenApi.Clash.class, () -> MergedOpenApi.of(services(
                document("/api/agreements", "list", PROBLEM), document("/api/mobilities", "list", PROBLEM))));
        assertTrue(twice.getMessage().contains("operationId list: GET /api/agreements (service-a) and GET /api/mobilities (service-b)"),
                twice.getMessage());
        var missing = assertThrows(MergedOpenApi.Clash.class, () -> MergedOpenApi.of(services(
                document("/api/agreements", "", PROBLEM))));
        assertTrue(missing.getMessage().contains("GET /api/agreements (service-a) has no operationId"), missing.getMessage());
    }

    @Test
    void aPathTwoServicesServeIsAClash() {
        var clash = assertThrows(MergedOpenApi.Clash.class, () -> MergedOpenApi.of(services(
                document("/api/people", "getPeople", PROBLEM), document("/api/people", "getPersons", PROBLEM))));
        assertTrue(clash.getMessage().contains("path /api/people: defined differently by service-a and service-b"), clash.getMessage());
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
