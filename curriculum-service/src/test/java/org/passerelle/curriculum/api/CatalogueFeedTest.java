package org.passerelle.curriculum.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.ChangeFeedReader;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.passerelle.curriculum.Fixtures.ADMIN;
import static org.passerelle.curriculum.Fixtures.PARIS;
import static org.passerelle.curriculum.Fixtures.openSession;
import static org.passerelle.curriculum.Fixtures.publish;
import static org.passerelle.curriculum.Fixtures.summerProgramme;

/** GET /api/catalogue/changes and /api/catalogue/sessions/changes: each change comes once, in order. */
@QuarkusTest
class CatalogueFeedTest {

    @Test
    void aPartnerFollowsAnItemAndItsSessionThroughTheirChanges() {
        var items = new ChangeFeedReader(PARIS, "/api/catalogue/changes");
        var sessions = new ChangeFeedReader(PARIS, "/api/catalogue/sessions/changes");
        String itemsCursor = items.now();
        String sessionsCursor = sessions.now();

        String item = publish(summerProgramme("Followed summer school"));
        String session = openSession(item, "2026/2027", "2027-07-05", "2027-07-30", 20);
        var published = items.read(itemsCursor, item);
        assertEquals(List.of("PUBLISHED"), published.each("status"));
        var opened = sessions.read(sessionsCursor, session);
        assertEquals(List.of("OPEN"), opened.each("status"), "planned and opened before the read: it comes once");

        given().auth().oauth2(ADMIN).header("If-Match", etag("/api/catalogue/sessions/{id}", session)).when().post("/api/catalogue/sessions/{id}/closing", session)
                .then().statusCode(200);
        var closed = sessions.read(opened.cursor(), session);
        assertEquals(List.of("CLOSED"), closed.each("status"));
        assertEquals(List.of(), sessions.read(closed.cursor(), session).items(), "a change comes once");

        given().auth().oauth2(ADMIN).header("If-Match", etag("/api/catalogue/{id}", item)).when().post("/api/catalogue/{id}/withdrawal", item)
                .then().statusCode(200);
        assertEquals(List.of("WITHDRAWN"), items.read(published.cursor(), item).each("status"));

        given().auth().oauth2(PARIS).queryParam("cursor", "not-a-cursor").when().get("/api/catalogue/sessions/changes")
                .then().statusCode(400).body("type", equalTo("urn:passerelle:problem:bad-cursor"));
    }

    private static String etag(String path, String id) {
        return given().auth().oauth2(ADMIN).when().get(path, id).then().statusCode(200).extract().header("ETag");
    }
}
