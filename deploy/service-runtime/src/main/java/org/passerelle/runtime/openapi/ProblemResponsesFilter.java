package org.passerelle.runtime.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Says once, for every service, what the resource methods would otherwise repeat: the problem+json answers every
 * operation can give, those of an operation on an {@code {id}}, of a conditional write (If-Match, which is then
 * required) and of an idempotent creation; writes each pattern as a client's validator reads it (anchored); and
 * gives each operation that names no id one made from its path ({@link OperationIds}), unique across the services.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Invalid request: `errors` names each field and why (urn:passerelle:problem:validation, :malformed-request); "
                    + "a query parameter the operation does not take is named too",
            "401", "No valid bearer token (urn:passerelle:problem:unauthenticated)",
            "403", "The token's roles do not allow this operation (urn:passerelle:problem:forbidden), or it names no "
                    + "institution Passerelle knows (urn:passerelle:problem:unknown-institution)",
            "406", "Accept names no media type this operation answers in (urn:passerelle:problem:not-acceptable)",
            "414", "The request line (path and query) is longer than the limit (urn:passerelle:problem:uri-too-long)",
            "431", "The request's headers are larger than the limit (urn:passerelle:problem:headers-too-large)",
            "500", "Unexpected error, with a reference to quote (urn:passerelle:problem:internal)",
            "503", "A dependency (database, identity provider) is unreachable; retry later (urn:passerelle:problem:dependency-unavailable)");

    /** What an operation on one resource, named in its path, can also answer. */
    private static final Map<String, String> ON_ONE = Map.of(
            "404", "Nothing at this address: no such id, or one the caller's institution does not see (urn:passerelle:problem:not-found)");
    /** What an operation that takes a body can also answer, before reading it. */
    private static final Map<String, String> WITH_BODY = Map.of(
            "413", "The body is larger than the limit the detail names (urn:passerelle:problem:payload-too-large)",
            "415", "Content-Type is not a media type this operation reads (urn:passerelle:problem:unsupported-media-type)");
    /** What a conditional write (one that takes If-Match) can also answer. */
    private static final Map<String, String> CONDITIONAL = Map.of(
            "412", "If-Match does not name the current version: read it again (urn:passerelle:problem:precondition-failed)",
            "428", "If-Match is missing: send the ETag you read (urn:passerelle:problem:precondition-required)");
    /** What an operation that takes Idempotency-Key can also answer, whatever else it answers with the same status. */
    private static final Map<String, String> IDEMPOTENT = Map.of(
            "409", "A request with the same Idempotency-Key is still being handled: send it again after the seconds in "
                    + "Retry-After (urn:passerelle:problem:idempotency-key-in-use)",
            "422", "The Idempotency-Key was used before with another body (urn:passerelle:problem:idempotency-key-reused)");
    private static final String KEY_IN_USE = "409";

    static final String IF_MATCH = "If-Match";
    private static final String IF_MATCH_DESCRIPTION = "The ETag of the version you read, e.g. \"3\": a change made "
            + "meanwhile is 412, a missing If-Match 428";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        document(responses, COMMON);
        answeredAsProblems(responses);
        mentionUnknownInstitution(responses.getAPIResponse("403"));
        if (operation.getRequestBody() != null) {
            document(responses, WITH_BODY);
        }
        Parameter ifMatch = header(operation, IF_MATCH);
        if (ifMatch != null) {
            // every write that reads If-Match refuses to go without it (Versions.required): 428
            ifMatch.setRequired(true);
            if (ifMatch.getDescription() == null) {
                ifMatch.setDescription(IF_MATCH_DESCRIPTION);
            }
            document(responses, CONDITIONAL);
        }
        if (header(operation, "Idempotency-Key") != null) {
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

    /**
     * A pattern of Bean Validation must match the whole value; a JSON Schema pattern matches anywhere unless anchored.
     * A nullable field that refers to another schema is written by the scanner as {@code anyOf: [$ref, null]} beside
     * a {@code type} of its own, which refuses null all the same: that type admits null too.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getPattern() != null) {
            schema.setPattern(Patterns.anchored(schema.getPattern()));
        }
        if (schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL) && schema.getAnyOf() != null
                && schema.getAnyOf().stream().anyMatch(ProblemResponsesFilter::isNull)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        return schema;
    }

    private static boolean isNull(Schema option) {
        return option.getType() != null && option.getType().equals(java.util.List.of(Schema.SchemaType.NULL));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            item.getOperations().forEach((method, operation) -> {
                if (operation.getOperationId() == null) {
                    operation.setOperationId(OperationIds.of(method.name(), path));
                }
            });
            if (path.contains("{")) {
                item.getOperations().values().forEach(operation -> document(operation.getResponses(), ON_ONE));
            }
        });
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

    /** Every error an operation documents without saying its body (a 404 of its own, say) is answered as a problem. */
    private static void answeredAsProblems(APIResponses responses) {
        responses.getAPIResponses().forEach((status, answer) -> {
            if (status.matches("[45]\\d\\d") && answer.getRef() == null && answer.getContent() == null) {
                answer.setContent(problemContent());
            }
        });
    }

    /** An operation's own 403 (not-a-party, say) is also answered to a token of no known institution. */
    private static void mentionUnknownInstitution(APIResponse forbidden) {
        String description = forbidden.getDescription() == null ? "" : forbidden.getDescription();
        if (!description.contains("unknown-institution")) {
            forbidden.setDescription(description + "; or the token names no institution Passerelle knows "
                    + "(urn:passerelle:problem:unknown-institution)");
        }
    }

    private static Parameter header(Operation operation, String name) {
        return operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
