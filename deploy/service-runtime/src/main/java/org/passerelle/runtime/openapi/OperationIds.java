package org.passerelle.runtime.openapi;

import java.util.Locale;

/**
 * The operation id of an operation that names none, made from its method and path: {@code GET /api/agreements/{id}/versions}
 * is {@code getAgreementsByIdVersions}. The services' API prefixes are disjoint, so the ids are unique across the
 * four documents too, and a client generated from the merged document (docs/api/openapi.yaml) gets stable method
 * names that follow the paths. An operation that names its own id with {@code @Operation(operationId = ...)} keeps it.
 */
public final class OperationIds {

    private OperationIds() {
    }

    public static String of(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api")) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }
}
