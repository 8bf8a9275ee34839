package org.passerelle.runtime.openapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client generated from the documents gets one method per operation, named after its path. */
class OperationIdsTest {

    @Test
    void theIdFollowsTheMethodAndThePath() {
        assertEquals("getAgreements", OperationIds.of("GET", "/api/agreements"));
        assertEquals("getAgreementsById", OperationIds.of("GET", "/api/agreements/{id}"));
        assertEquals("postAgreementsByIdProposal", OperationIds.of("POST", "/api/agreements/{id}/proposal"));
        assertEquals("putCreditConversionsByRuleId", OperationIds.of("PUT", "/api/credit-conversions/{ruleId}"));
        assertEquals("getMobilitiesByIdLearningAgreementVersions",
                OperationIds.of("GET", "/api/mobilities/{id}/learning-agreement/versions"));
    }
}
