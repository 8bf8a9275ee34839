package org.passerelle.agreements.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.OpenApiContract;

import static io.restassured.RestAssured.given;

/** The document clients are generated from says what agreements-service answers, nulls included. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentSaysWhatTheServiceAnswers() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiContract.of(document).verify("Agreement.signedOn", "Agreement.signedAt", "Agreement.contentHash",
                "Agreement.amendment", "Agreement.terminationReason", "AgreementParty.approvedAt", "AgreementAmendment.contentHash",
                "AgreementContent.signedOn", "AgreementVersion.contentHash", "AgreementVersion.inForceFrom",
                "AgreementVersion.supersededAt", "CooperationCondition.minimumDays", "CooperationCondition.maximumDays",
                "CooperationCondition.staffDaysPerYear", "CooperationCondition.eqfLevel", "CooperationCondition.iscedCode");
    }
}
