package org.passerelle.devstack.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Checks every answer of the service under test against its OpenAPI document ({@link OpenApiResponseFilter}): a
 * service's tests turn it on by naming this class in
 * src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback, so that every
 * test class, present and future, is checked without registering anything itself. It is registered again before
 * each test, in case a test reset RestAssured.
 */
public class OpenApiResponseCheck implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiResponseFilter.register();
    }
}
