package org.passerelle.curriculum.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.OpenApiFuzz;
import org.passerelle.devstack.testing.TestTokens;

import java.net.URI;

/**
 * Bad input against every operation of the OpenAPI document: never a 5xx, every 4xx a problem+json. A few cases per
 * operation here; more with -Dfuzz.cases=N (docs/api/contract-fuzz.md).
 */
@QuarkusTest
class ContractFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void badInputIsAProblemNeverAServerError() {
        OpenApiFuzz.of(root, TestTokens.of("admin", "sjtu.edu.cn")).verify();
    }
}
