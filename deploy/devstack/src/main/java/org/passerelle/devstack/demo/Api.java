package org.passerelle.devstack.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A small HTTP client for the platform's REST API, as a partner's script would use it. */
public final class Api {

    /** One answer: status, body and ETag. */
    public record Answer(int status, String body, String etag) {

        /** The first string field of that name in the JSON answer. */
        public String field(String name) {
            var values = fields(name);
            if (values.isEmpty()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return values.get(0);
        }

        /** Every string field of that name, in order. */
        public List<String> fields(String name) {
            var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            var values = new ArrayList<String>();
            while (matcher.find()) {
                values.add(matcher.group(1));
            }
            return values;
        }

        /** The first number field of that name. */
        public long number(String name) {
            var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?[0-9]+)").matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return Long.parseLong(matcher.group(1));
        }

        public Answer expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but the answer was " + status + ": " + body);
            }
            return this;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String tokenUrl;

    public Api(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** A demo user's token (password grant of the local client passerelle-cli). */
    public String userToken(String username) {
        return token("grant_type=password&client_id=passerelle-cli&username=" + encode(username) + "&password=demo-only-password");
    }

    /** An integration client's token (client credentials). */
    public String clientToken(String clientId, String secret) {
        return token("grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret));
    }

    private String token(String form) {
        var answer = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return answer.expect(200).field("access_token");
    }

    public Answer get(String url, String token) {
        return send(request(url, token).GET());
    }

    public Answer post(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json").POST(body(json)));
    }

    public Answer postCsv(String url, String token, String csv, String idempotencyKey) {
        return send(request(url, token).header("Content-Type", "text/csv; charset=UTF-8").header("Idempotency-Key", idempotencyKey)
                .POST(body(csv)));
    }

    /** A change of the resource at {@code resource}: sent with If-Match, the ETag read just before. */
    public Answer change(String resource, String action, String token, String json) {
        String etag = get(resource, token).expect(200).etag();
        return send(request(resource + action, token).header("Content-Type", "application/json").header("If-Match", etag)
                .POST(body(json)));
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return text.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en");
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no answer from " + request.build().uri() + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
