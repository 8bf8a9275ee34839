package org.passerelle.agreements.api;

import org.passerelle.devstack.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** Steps the API tests share. */
final class AgreementApi {

    static final String SJTUSM_ADMIN = TestTokens.of("admin", "sjtu.edu.cn");

    private AgreementApi() {
    }

    /** The ETag of the agreement as it is now, for If-Match. */
    static String etag(String id) {
        return given().auth().oauth2(SJTUSM_ADMIN).when().get("/api/agreements/{id}", id)
                .then().statusCode(200).extract().header("ETag");
    }

    /** Proposes the draft and answers the content hash to approve. */
    static String propose(String token, String id) {
        return given().auth().oauth2(token).header("If-Match", etag(id)).when().post("/api/agreements/{id}/proposal", id)
                .then().statusCode(200).extract().path("contentHash");
    }

    static void approve(String token, String id, String hash) {
        given().auth().oauth2(token).contentType("application/json").body("{\"contentHash\":\"" + hash + "\"}")
                .when().post("/api/agreements/{id}/approvals", id).then().statusCode(200);
    }
}
