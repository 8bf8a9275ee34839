package org.passerelle.agreements.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.ChangeFeedReader;
import org.passerelle.devstack.testing.TestTokens;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /api/agreements/changes: every change comes once, in order, to the parties only. */
@QuarkusTest
class AgreementFeedTest {

    static final String LYON1 = TestTokens.of("coordinator", "univ-lyon1.fr");
    static final String PARIS = TestTokens.of("coordinator", "u-paris.fr");
    static final String APPROVED_BY = "parties.findAll { it.approved }.institution";

    @Test
    void eachChangeComesOnceInOrderIncludingAPartysApproval() {
        var lyon = new ChangeFeedReader(LYON1, "/api/agreements/changes");
        var paris = new ChangeFeedReader(PARIS, "/api/agreements/changes");
        String lyonCursor = lyon.now();
        String parisCursor = paris.now();

        String id = given().auth().oauth2(LYON1).contentType("application/json")
                .body("""
                        {"kind":"BILATERAL_EXCHANGE",
                         "title":{"fr":"Accord suivi","en":"Followed agreement","zh":"跟踪的协议"},
                         "parties":["univ-lyon1.fr","sjtu.edu.cn"],
                         "firstAcademicYear":"2026/2027","lastAcademicYear":"2027/2028"}""")
                .when().post("/api/agreements").then().statusCode(201).extract().path("id");
        var afterDraft = lyon.read(lyonCursor, id);
        assertEquals(List.of("DRAFT"), afterDraft.each("status"));

        String hash = AgreementApi.propose(LYON1, id);
        var afterProposal = lyon.read(afterDraft.cursor(), id);
        assertEquals(List.of("PROPOSED"), afterProposal.each("status"));
        assertEquals(List.of(List.of()), afterProposal.each(APPROVED_BY));

        AgreementApi.approve(LYON1, id, hash);   // changes only the party's row: the agreement comes again
        var afterApproval = lyon.read(afterProposal.cursor(), id);
        assertEquals(List.of("PROPOSED"), afterApproval.each("status"));
        assertEquals(List.of(List.of("univ-lyon1.fr")), afterApproval.each(APPROVED_BY), "Lyon 1's approval shows");

        AgreementApi.approve(AgreementApi.SJTUSM_ADMIN, id, hash);
        var afterActivation = lyon.read(afterApproval.cursor(), id);
        assertEquals(List.of("ACTIVE"), afterActivation.each("status"));
        assertEquals(List.of(), lyon.read(afterActivation.cursor(), id).items(), "a change comes once");
        assertEquals(List.of("ACTIVE"), new ChangeFeedReader(AgreementApi.SJTUSM_ADMIN, "/api/agreements/changes")
                .readFrom(Instant.EPOCH, id).each("status"), "the international office sees every agreement, once");
        assertEquals(List.of(), paris.read(parisCursor, id).items(), "Paris is not a party");

        given().auth().oauth2(LYON1).queryParam("cursor", "not-a-cursor").when().get("/api/agreements/changes")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-cursor"));
    }
}
