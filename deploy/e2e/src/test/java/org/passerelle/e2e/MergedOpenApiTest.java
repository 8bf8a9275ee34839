package org.passerelle.e2e;

import org.junit.jupiter.api.Test;
import org.passerelle.devstack.ServiceSpec;
import org.passerelle.devstack.origin.MergedOpenApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api/openapi.yaml, the one document of the four services the web frontend generates its client from, is the
 * merge of the documents the services' builds wrote (quarkus.smallrye-openapi.store-schema-directory, the same
 * document as their /q/openapi). When a service's API changed, this writes the file again and fails, so that the
 * change is committed with it; a clash between two services (an operation id, a schema name) fails naming it.
 */
class MergedOpenApiTest {

    static final Path MERGED = Platform.ROOT.resolve("docs/api/openapi.yaml");

    @Test
    void theMergedDocumentInDocsIsTheMergeOfTheServicesDocuments() throws Exception {
        Map<String, String> documents = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path built = Platform.ROOT.resolve(spec.name() + "/target/openapi/openapi.json");
            assertTrue(Files.exists(built), built + " is missing: build the services first (./mvnw verify -pl deploy/e2e -am)");
            documents.put(spec.name(), Files.readString(built));
        }
        String merged = MergedOpenApi.of(documents).yaml();
        String committed = Files.exists(MERGED) ? Files.readString(MERGED) : "";
        if (!merged.equals(committed)) {
            Files.writeString(MERGED, merged);
        }
        assertTrue(merged.equals(committed), MERGED + " was stale and has been written again from the services' documents "
                + "(first change at " + firstDifference(committed, merged) + "): review the change and commit it");
    }

    private static String firstDifference(String before, String after) {
        String[] old = before.split("\n", -1);
        String[] now = after.split("\n", -1);
        for (int i = 0; i < Math.min(old.length, now.length); i++) {
            if (!old[i].equals(now[i])) {
                return "line " + (i + 1) + ": " + now[i].strip();
            }
        }
        return "line " + (Math.min(old.length, now.length) + 1);
    }
}
