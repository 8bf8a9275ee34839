package org.passerelle.identity.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One HTTP POST of a signed delivery. Whatever the receiver does, it costs at most the timeout and 1,000 characters
 * of its answer: redirects are not followed (a failure, like any status but 2xx), and a large body is not read.
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT = 1000;

    @ConfigProperty(name = "passerelle.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "passerelle.webhooks.local-targets", defaultValue = "false")
    boolean localTargets;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Deliveries.Outcome send(Subscription subscription, UUID eventId, String body) {
        long start = System.nanoTime();
        try {
            URI target = URI.create(subscription.url());
            if (!localTargets && TargetUrl.isPrivate(target.getHost())) {
                // checked again here: the name may have come to point into a private network since the subscription
                return new Deliveries.Outcome(null, 0, null, "the URL's host resolves to a private address");
            }
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "Passerelle-Webhooks/1")
                    .header("webhook-id", eventId.toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(subscription.signingSecrets(Instant.now()),
                            eventId.toString(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            String error = response.statusCode() >= 300 && response.statusCode() < 400 ? "redirects are not followed" : null;
            return new Deliveries.Outcome(response.statusCode(), millisSince(start), answer, error);
        } catch (HttpTimeoutException e) {
            return new Deliveries.Outcome(null, millisSince(start), null, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Deliveries.Outcome(null, millisSince(start), null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Deliveries.Outcome(null, millisSince(start), null, "interrupted: the service is stopping");
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
