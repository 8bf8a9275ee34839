package org.passerelle.mobility.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.mobility.api.NominationTest.LYON1;

/** Bulk bodies that once answered 500: a field error instead. */
@QuarkusTest
class StrictBulkInputTest {

    @Test
    void aNullRowIsAFieldErrorNamingTheRow() {
        given().auth().oauth2(LYON1).contentType("application/json").body("[null]")
                .when().post("/api/mobilities/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:passerelle:problem:validation"))
                .body("errors[0].field", containsString("[0]"));
    }
}
