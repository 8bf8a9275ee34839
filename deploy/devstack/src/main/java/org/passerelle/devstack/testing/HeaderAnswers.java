package org.passerelle.devstack.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a service's OpenAPI document says an operation answers when a header it takes is wrong: every operation
 * taking If-Match documents 412 and 428, every one taking Idempotency-Key documents 409 idempotency-key-in-use with
 * its Retry-After header and 422 idempotency-key-reused (the runtime's ProblemResponsesFilter adds them, or adds
 * their problem type to the description of an answer the resource method documents for its own reasons), so a
 * client knows them from the document.
 *
 * @param conditional how many operations take If-Match
 * @param idempotent  how many operations take Idempotency-Key
 * @param missing     each answer an operation does not document, e.g. {@code "POST /api/things/{id}/approval 428"}
 */
public record HeaderAnswers(int conditional, int idempotent, List<String> missing) {

    private static final List<String> CONDITIONAL = List.of("412", "428");
    private static final Map<String, String> IDEMPOTENT = Map.of(
            "409", "urn:passerelle:problem:idempotency-key-in-use", "422", "urn:passerelle:problem:idempotency-key-reused");

    /** Reads the {@code paths} of an OpenAPI document in JSON (e.g. RestAssured's {@code jsonPath().getMap("paths")}). */
    public static HeaderAnswers of(Map<String, Map<String, Map<String, Object>>> paths) {
        List<String> missing = new ArrayList<>();
        int conditional = 0;
        int idempotent = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<?, ?> responses = (Map<?, ?>) operation.getValue().get("responses");
                if (takesHeader(operation.getValue(), "If-Match")) {
                    conditional++;
                    CONDITIONAL.stream().filter(s -> !responses.containsKey(s)).forEach(s -> missing.add(name + " " + s));
                }
                if (takesHeader(operation.getValue(), "Idempotency-Key")) {
                    idempotent++;
                    IDEMPOTENT.forEach((status, type) -> {
                        if (!(responses.get(status) instanceof Map<?, ?> answer)
                                || !String.valueOf(answer.get("description")).contains(type)) {
                            missing.add(name + " " + status + " " + type);
                        } else if (status.equals("409") && !(answer.get("headers") instanceof Map<?, ?> headers
                                && headers.containsKey("Retry-After"))) {
                            missing.add(name + " 409 Retry-After");
                        }
                    });
                }
            }
        }
        return new HeaderAnswers(conditional, idempotent, missing);
    }

    /**
     * Fails unless some operations take If-Match and some Idempotency-Key (else the check would check nothing: {@code
     * expected} says which should), and every one of them documents its answers.
     */
    public void verify(String expected) {
        if (conditional == 0 || idempotent == 0) {
            throw new AssertionError(conditional + " operations take If-Match and " + idempotent + " Idempotency-Key: " + expected);
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("answers not documented: " + missing);
        }
    }

    private static boolean takesHeader(Map<String, Object> operation, String header) {
        return operation.get("parameters") instanceof List<?> parameters && parameters.stream()
                .anyMatch(p -> p instanceof Map<?, ?> m && "header".equals(m.get("in")) && header.equalsIgnoreCase(String.valueOf(m.get("name"))));
    }
}
