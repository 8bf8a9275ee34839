package org.passerelle.runtime.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Documents the problem+json answers every operation can give, so a client reading the OpenAPI document
 * knows the error format without it being repeated on each resource method.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid request: `errors` names each field and why (urn:passerelle:problem:validation, :malformed-request)",
            "401", "No valid bearer token (urn:passerelle:problem:unauthenticated)",
            "403", "The token's roles do not allow this operation (urn:passerelle:problem:forbidden)",
            "500", "Unexpected error, with a reference to quote (urn:passerelle:problem:internal)",
            "503", "A dependency (database, identity provider) is unreachable; retry later (urn:passerelle:problem:dependency-unavailable)");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (var entry : COMMON.entrySet()) {
            var existing = responses.getAPIResponse(entry.getKey());
            if (existing == null) {
                responses.addAPIResponse(entry.getKey(), OASFactory.createAPIResponse()
                        .description(entry.getValue()).content(problemContent()));
            } else if (existing.getContent() == null) {
                existing.setContent(problemContent());
            }
        }
        return operation;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // the Problem schema is registered from its class by the scanner; nothing else to add
    }
}
