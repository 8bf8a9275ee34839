package org.passerelle.devstack.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the platform's REST API, as a partner's script would use it. */
public final class Api {

    /** One answer: status, body and ETag; the body read as a JSON tree, by field name, never by position. */
    public record Answer(int status, String body, String etag) {

        /** The body as a JSON tree. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The text at a JSON pointer ("/id", "/amendment/contentHash"); fails naming the pointer if absent. */
        public String text(String pointer) {
            JsonNode value = json().at(pointer);
            if (value.isMissingNode() || value.isNull()) {
                throw new IllegalStateException("no " + pointer + " in " + body);
            }
            return value.asText();
        }

        /** The number at a JSON pointer; fails naming the pointer if absent. */
        public long number(String pointer) {
            JsonNode value = json().at(pointer);
            if (!value.isNumber()) {
                throw new IllegalStateException("no number at " + pointer + " in " + body);
            }
            return value.asLong();
        }

        /** The text of {@code field} in each element of the array at {@code pointer} ("/items", "id"), in order. */
        public List<String> texts(String pointer, String field) {
            var values = new ArrayList<String>();
            json().at(pointer).forEach(element -> values.add(element.path(field).asText(null)));
            return values;
        }

        public Answer expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but the answer was " + status + ": " + body);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

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
        return answer.expect(200).text("/access_token");
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

    /**
     * A multipart/form-data upload, as a browser's form sends it: the text fields, then one file part named "file"
     * with its name and bytes (its declared type is application/octet-stream: the services read the content).
     */
    public Answer postFile(String url, String token, java.util.Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "passerelle-" + java.util.UUID.randomUUID();
        var form = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(url, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
    }

    /** Deletes the resource at {@code url}, sent with If-Match. */
    public Answer delete(String url, String token, String etag) {
        return send(request(url, token).header("If-Match", etag).DELETE());
    }

    /** A POST of JSON with If-Match: a change whose ETag the caller read. */
    public Answer send(String url, String token, String etag, String json) {
        return send(request(url, token).header("Content-Type", "application/json").header("If-Match", etag).POST(body(json)));
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
