package org.passerelle.devstack.testing;

import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * Reads a change feed (GET .../changes with changedSince, cursor and limit) as a polling client does: page after
 * page until an empty answer, keeping what came about one object.
 *
 * @param token   the caller's token
 * @param path    the feed, e.g. /api/agreements/changes
 * @param idField the field of an item that names its object
 */
public record ChangeFeedReader(String token, String path, String idField) {

    public ChangeFeedReader(String token, String path) {
        this(token, path, "id");
    }

    /** What came about one object (each time it came, in order: the item as JSON) and the cursor to go on from. */
    public record Read(List<JsonPath> items, String cursor) {

        /** One field of each time the object came, e.g. "status". */
        public <T> List<T> each(String field) {
            return items.stream().map(item -> item.<T>get(field)).toList();
        }
    }

    /** A cursor past every change so far. */
    public String now() {
        return readFrom(Instant.now(), "-").cursor();
    }

    /** Reads from an instant to the end of the feed. */
    public Read readFrom(Instant changedSince, String id) {
        return read(changedSince, null, id);
    }

    /** Reads from a cursor to the end of the feed. */
    public Read read(String cursor, String id) {
        return read(null, cursor, id);
    }

    private Read read(Instant since, String cursor, String id) {
        var items = new ArrayList<JsonPath>();
        while (true) {
            var request = given().auth().oauth2(token).queryParam("limit", 50);
            request = cursor == null ? request.queryParam("changedSince", since.toString()) : request.queryParam("cursor", cursor);
            JsonPath page = request.when().get(path).then().statusCode(200).extract().jsonPath();
            List<Object> ids = page.getList("items." + idField);
            for (int i = 0; i < ids.size(); i++) {
                if (id.equals(String.valueOf(ids.get(i)))) {
                    items.add(new JsonPath(page.prettify()).setRootPath("items[" + i + "]"));
                }
            }
            cursor = page.getString("nextCursor");
            if (ids.isEmpty()) {
                return new Read(items, cursor);
            }
        }
    }
}
