package org.passerelle.runtime.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.devstack.testing.TestTokens;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A retry with the same Idempotency-Key while the first request runs, after it answered, and after it died. */
@QuarkusTest
class IdempotentCreationsTest {

    @Inject
    AgroalDataSource database;

    private final String coordinator = TestTokens.of("coordinator", "u-paris.fr");

    @AfterEach
    void releaseHeldCreations() {
        SampleCreationResource.released.countDown();
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsToldToComeBackThenGetsTheFirstAnswer() throws Exception {
        String key = "sample-" + UUID.randomUUID();
        String body = "{\"name\":\"held-" + key + "\"}";
        CompletableFuture<Response> first = holdAndSend(key, body);

        given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/samples/once")
                .then().statusCode(409).contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("type", equalTo("urn:passerelle:problem:idempotency-key-in-use"));

        SampleCreationResource.released.countDown();
        Response created = first.get(30, TimeUnit.SECONDS);
        assertEquals(201, created.statusCode(), created.asString());
        given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/samples/once")
                .then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", equalTo(created.header("Location")))
                .body("id", equalTo(created.path("id")));
        assertEquals(1, samplesNamed("held-" + key));
    }

    @Test
    void aKeyWhoseHolderLostItsConnectionIsTakenOverAtOnceAndTheHolderGivesWay() throws Exception {
        String key = "sample-" + UUID.randomUUID();
        String body = "{\"name\":\"held-" + key + "\"}";
        CompletableFuture<Response> first = holdAndSend(key, body);

        // the holder's lock connection ends, as it does when the holder's process is killed
        terminateLockHolder(key);
        var takenOver = given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/samples/once");
        takenOver.then().statusCode(201).body("id", notNullValue());

        // the first request goes on and finds the key answered: it answers the same and creates nothing
        SampleCreationResource.released.countDown();
        Response late = first.get(30, TimeUnit.SECONDS);
        assertEquals(201, late.statusCode(), late.asString());
        assertEquals((String) takenOver.path("id"), (String) late.path("id"));
        assertEquals(1, samplesNamed("held-" + key));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedEvenWhileTheFirstRuns() throws Exception {
        String key = "sample-" + UUID.randomUUID();
        holdAndSend(key, "{\"name\":\"held-" + key + "\"}");
        given().auth().oauth2(coordinator).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"name\":\"another\"}").when().post("/api/samples/once")
                .then().statusCode(422).body("type", equalTo("urn:passerelle:problem:idempotency-key-reused"));
    }

    @Test
    void theOpenApiDocumentSaysWhenToRetryAKeyInUse() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/samples/once'.post.responses.'409'.description",
                        containsString("urn:passerelle:problem:conflict"))
                .body("paths.'/api/samples/once'.post.responses.'409'.description",
                        containsString("urn:passerelle:problem:idempotency-key-in-use"))
                .body("paths.'/api/samples/once'.post.responses.'409'.headers.'Retry-After'", notNullValue())
                .body("paths.'/api/samples/once'.post.responses.'422'.description",
                        containsString("urn:passerelle:problem:idempotency-key-reused"));
    }

    /** Sends a creation that stops, key held, until the test releases it. */
    private CompletableFuture<Response> holdAndSend(String key, String body) throws InterruptedException {
        SampleCreationResource.entered = new CountDownLatch(1);
        SampleCreationResource.released = new CountDownLatch(1);
        var sent = CompletableFuture.supplyAsync(() -> given().auth().oauth2(coordinator).header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/samples/once").andReturn());
        assertTrue(SampleCreationResource.entered.await(30, TimeUnit.SECONDS), "the first request never started creating");
        return sent;
    }

    /** Ends the connection that holds the key's lock and waits until PostgreSQL has let the lock go with it. */
    private void terminateLockHolder(String key) throws Exception {
        long lock = KeyLocks.lockId(subjectOf(coordinator), key);
        assertEquals(1, holdersOf(lock, "pg_terminate_backend(pid)"), "one connection holds the key's lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (holdersOf(lock, "pid") > 0) {
            assertTrue(System.nanoTime() < deadline, "the lock outlived its connection");
            Thread.sleep(50);
        }
    }

    private int holdersOf(long lock, String select) throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("select " + select + """
                      from pg_locks where locktype = 'advisory' and granted and objsubid = 1
                     and ((classid::bigint << 32) | objid::bigint) = ?""")) {
            statement.setLong(1, lock);
            int holders = 0;
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    holders++;
                }
            }
            return holders;
        }
    }

    private int samplesNamed(String name) throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("select count(*) from sample where name = ?")) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        var matcher = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        assertTrue(matcher.find(), payload);
        return matcher.group(1);
    }
}
