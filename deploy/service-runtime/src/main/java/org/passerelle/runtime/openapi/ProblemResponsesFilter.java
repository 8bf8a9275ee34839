package org.passerelle.runtime.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Documents the problem+json answers every operation can give, and those of every operation taking If-Match or
 * Idempotency-Key, so a client reading the OpenAPI document knows them without each resource method repeating them.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid request: `errors` names each field and why (urn:passerelle:problem:validation, :malformed-request)",
            "401", "No valid bearer token (urn:passerelle:problem:unauthenticated)",
            "403", "The token's roles do not allow this operation (urn:passerelle:problem:forbidden), or it names no "
                    + "institution Passerelle knows (urn:passerelle:problem:unknown-institution)",
            "406", "Accept names no media type this operation answers in (urn:passerelle:problem:not-acceptable)",
            "500", "Unexpected error, with a reference to quote (urn:passerelle:problem:internal)",
            "503", "A dependency (database, identity provider) is unreachable; retry later (urn:passerelle:problem:dependency-unavailable)");

    /** What an operation that takes a body can also answer, before reading it. */
    private static final Map<String, String> WITH_BODY = Map.of(
            "413", "The body is larger than the limit the detail names (urn:passerelle:problem:payload-too-large)",
            "415", "Content-Type is not a media type this operation reads (urn:passerelle:problem:unsupported-media-type)");
    /** What an operation that takes If-Match can also answer. */
    private static final Map<String, String> CONDITIONAL = Map.of(
            "412", "If-Match does not name the current version: read it again (urn:passerelle:problem:precondition-failed)",
            "428", "If-Match is missing: send the ETag you read (urn:passerelle:problem:precondition-required)");
    /** What an operation that takes Idempotency-Key can also answer, whatever else it answers with the same status. */
    private static final Map<String, String> IDEMPOTENT = Map.of(
            "409", "A request with the same Idempotency-Key is still being handled: send it again after the seconds in "
                    + "Retry-After (urn:passerelle:problem:idempotency-key-in-use)",
            "422", "The Idempotency-Key was used before with another body (urn:passerelle:problem:idempotency-key-reused)");
    private static final String KEY_IN_USE = "409";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        document(responses, COMMON);
        mentionUnknownInstitution(responses.getAPIResponse("403"));
        if (operation.getRequestBody() != null) {
            document(responses, WITH_BODY);
        }
        if (takesHeader(operation, "If-Match")) {
            document(responses, CONDITIONAL);
        }
        if (takesHeader(operation, "Idempotency-Key")) {
            documentAlso(responses, IDEMPOTENT);
            responses.getAPIResponse(KEY_IN_USE).addHeader("Retry-After", OASFactory.createHeader()
                    .description("With idempotency-key-in-use: seconds to wait before sending the same request again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
        return operation;
    }

    /**
     * Adds each answer, or, when the operation documents the status for its own reasons (a 409 quota-exhausted, say),
     * adds this reason to its description: a client must learn every problem type a status may carry.
     */
    private static void documentAlso(APIResponses responses, Map<String, String> answers) {
        for (var entry : answers.entrySet()) {
            var existing = responses.getAPIResponse(entry.getKey());
            String type = entry.getValue().substring(entry.getValue().lastIndexOf("(urn:") + 1, entry.getValue().length() - 1);
            if (existing != null && existing.getDescription() != null && !existing.getDescription().contains(type)) {
                existing.setDescription(existing.getDescription() + "; or: " + entry.getValue());
            }
        }
        document(responses, answers);
    }

    /** Adds each answer the operation does not document yet; one it documents keeps its description. */
    private static void document(APIResponses responses, Map<String, String> answers) {
        for (var entry : answers.entrySet()) {
            var existing = responses.getAPIResponse(entry.getKey());
            if (existing == null) {
                responses.addAPIResponse(entry.getKey(), OASFactory.createAPIResponse()
                        .description(entry.getValue()).content(problemContent()));
            } else if (existing.getContent() == null) {
                existing.setContent(problemContent());
            }
        }
    }

    /** An operation's own 403 (not-a-party, say) is also answered to a token of no known institution. */
    private static void mentionUnknownInstitution(org.eclipse.microprofile.openapi.models.responses.APIResponse forbidden) {
        String description = forbidden.getDescription() == null ? "" : forbidden.getDescription();
        if (!description.contains("unknown-institution")) {
            forbidden.setDescription(description + "; or the token names no institution Passerelle knows "
                    + "(urn:passerelle:problem:unknown-institution)");
        }
    }

    private static boolean takesHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
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
