package org.passerelle.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.passerelle.identity.notifications.Deliveries;
import org.passerelle.identity.notifications.Ping;
import org.passerelle.identity.notifications.Subscription;
import org.passerelle.identity.notifications.Subscriptions;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;
import org.passerelle.runtime.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed deliveries of the events an institution may hear of (docs/api/webhooks.md)")
public class WebhookResource {

    @Schema(name = "WebhookSubscriptionRequest", description = "Where to deliver which events")
    public record SubscriptionRequest(
            @Size(max = 100) @Schema(nullable = true, description = "SCHAC code of the institution whose events it receives: "
                    + "the caller's own (the default); the international office names one", example = "univ-lyon1.fr") String institution,
            @NotBlank @Size(max = 2000) @Schema(description = "https URL of the receiver (http and private addresses only on a local platform)",
                    example = "https://integration.univ-lyon1.fr/passerelle/webhooks") String url,
            @Size(max = 50) @Schema(nullable = true, description = "Event types wanted (docs/events); absent or empty: all",
                    example = "[\"passerelle.mobility.MobilityNominated.v1\"]") List<@NotBlank String> eventTypes,
            @Size(max = 200) @Schema(nullable = true, example = "Nominations into our mobility software") String description) {
    }

    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(
            UUID id,
            @Schema(example = "univ-lyon1.fr") String institution,
            @Schema(example = "https://integration.univ-lyon1.fr/passerelle/webhooks") String url,
            @Schema(nullable = true, description = "null: every type") List<String> eventTypes,
            @Schema(nullable = true) String description,
            boolean enabled,
            @Schema(description = "FAILING once a delivery failed for the whole retry period; HEALTHY again after the next delivery that goes through")
            Subscription.Status status,
            @Schema(nullable = true) Instant failingSince,
            Instant createdAt,
            @Schema(nullable = true) Instant secretRotatedAt,
            @Schema(nullable = true, description = "Until when the previous secret still signs (after a rotation)") Instant previousSecretValidUntil,
            @Schema(nullable = true, description = "Only in the answer to the creation or a rotation, once",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

        static SubscriptionView of(Subscription s, String secret) {
            Instant previousUntil = s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(Instant.now()) ? s.previousSecretUntil() : null;
            return new SubscriptionView(s.id(), s.institution(), s.url(), s.eventTypes(), s.description(), s.enabled(), s.status(),
                    s.failingSince(), s.createdAt(), s.secretRotatedAt(), previousUntil, secret);
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event for one subscription, and its latest attempt")
    public record DeliveryView(
            UUID id,
            @Schema(description = "Also the webhook-id header and the CloudEvent id") UUID eventId,
            @Schema(example = "passerelle.mobility.MobilityNominated.v1") String eventType,
            @Schema(description = "The object whose order the delivery keeps (mobility, agreement, catalogue item id)") String objectId,
            @Schema(description = "PENDING: to be tried (again); DELIVERED: answered 2xx; FAILED: no 2xx for the whole retry period")
            Deliveries.Status status,
            @Schema(description = "Asked by a replay") boolean replay,
            int attempts,
            Instant createdAt,
            @Schema(nullable = true) Instant lastAttemptAt,
            @Schema(nullable = true, description = "When it is tried (again): PENDING only, and null while it waits for an earlier delivery of its object") Instant nextAttemptAt,
            @Schema(nullable = true) Instant deliveredAt,
            @Schema(nullable = true, description = "The receiver's HTTP status; null when it did not answer") Integer lastStatusCode,
            @Schema(nullable = true) Integer lastLatencyMs,
            @Schema(nullable = true, description = "The start of the receiver's answer (1,000 characters at most)") String lastAnswer,
            @Schema(nullable = true, description = "Why the attempt failed without an answer, or was not followed") String lastError) {

        static DeliveryView of(Deliveries.Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.objectKey(), d.status(), d.replay(), d.attempts(),
                    d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(), d.deliveredAt(), d.lastStatusCode(), d.lastLatencyMs(),
                    d.lastAnswer(), d.lastError());
        }
    }

    @Schema(name = "WebhookReplayRequest", description = "Either sinceEventId or since")
    public record ReplayRequest(
            @Schema(nullable = true, description = "Every event after this one (which the subscription's institution heard of)") UUID sinceEventId,
            @Schema(nullable = true, description = "Every event from this instant, within the retention period (30 days)",
                    example = "2027-03-01T00:00:00Z") Instant since) {
    }

    @Schema(name = "WebhookReplay")
    public record ReplayView(@Schema(description = "Deliveries queued, in the events' order", example = "12") int queued) {
    }

    @Schema(name = "WebhookPingResult", description = "What the receiver answered to a test delivery")
    public record PingView(
            @Schema(description = "The receiver answered 2xx") boolean delivered,
            @Schema(description = "The test event's id (webhook-id)") UUID eventId,
            @Schema(nullable = true) Integer statusCode,
            long latencyMs,
            @Schema(nullable = true) String answer,
            @Schema(nullable = true) String error) {
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    Deliveries deliveries;

    @Inject
    Ping ping;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "List webhook subscriptions", description = "A coordinator sees their institution's; the international "
            + "office all. Never with a secret.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    public Page<SubscriptionView> list(@BeanParam @Valid PageRequest page) {
        return subscriptions.list(caller.actingFor(), page).map(s -> SubscriptionView.of(s, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Subscribe to events", description = "Events of the institution's agreements and mobilities (and the "
            + "public catalogue) are POSTed to the URL as CloudEvents, signed after Standard Webhooks with the secret the "
            + "answer shows once. A coordinator subscribes for their own institution only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Lyon 1's nominations", value = """
            {"url": "https://integration.univ-lyon1.fr/passerelle/webhooks",
             "eventTypes": ["passerelle.mobility.MobilityNominated.v1", "passerelle.mobility.MobilityAccepted.v1"]}""")))
    @APIResponse(responseCode = "201", description = "The subscription, with its secret shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or private URL, unknown event type, another institution "
            + "(urn:passerelle:problem:validation)")
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        var created = subscriptions.create(new Subscriptions.Request(request.institution(), request.url(), request.eventTypes(),
                request.description()), caller.actingFor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
                .entity(SubscriptionView.of(created.subscription(), created.secret())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Get one subscription", description = "Never with its secret. Another institution's is not found.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.find(id, caller.actingFor()), null);
    }

    @POST
    @Path("/{id}/secret-rotation")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Rotate the secret", description = "A new secret, shown once. The previous one keeps signing beside it "
            + "(two signatures in webhook-signature) for a grace period of 24 hours, so the receiver can switch without losing a delivery.")
    @APIResponse(responseCode = "200", description = "The subscription, with its new secret shown once")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public SubscriptionView rotate(@PathParam("id") UUID id) {
        var rotated = subscriptions.rotate(id, caller.actingFor());
        return SubscriptionView.of(rotated.subscription(), rotated.secret());
    }

    @POST
    @Path("/{id}/activation")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Enable the subscription", description = "Deliveries held while it was disabled go out, in order.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public SubscriptionView enable(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.enable(id, caller.actingFor(), true), null);
    }

    @POST
    @Path("/{id}/deactivation")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Disable the subscription", description = "No delivery is sent and no new event queued until it is "
            + "enabled again; a replay then catches up on the events of the pause.")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public SubscriptionView disable(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.enable(id, caller.actingFor(), false), null);
    }

    @POST
    @Path("/{id}/ping")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Send a test delivery", description = "A signed passerelle.identity.WebhookPing.v1 event, sent now "
            + "(not queued, not retried); the answer shows what the receiver answered.")
    @APIResponse(responseCode = "200", description = "What the receiver answered")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public PingView ping(@PathParam("id") UUID id) {
        Subscription subscription = subscriptions.find(id, caller.actingFor());
        var sent = ping.send(subscription);
        var outcome = sent.outcome();
        return new PingView(outcome.delivered(), sent.eventId(), outcome.statusCode(), outcome.latencyMillis(), outcome.answer(), outcome.error());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "The delivery log", description = "The subscription's deliveries, latest first, with their latest "
            + "attempt; filter by status.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page,
                                         @QueryParam("status") @Parameter(description = "Only deliveries in this status") Deliveries.Status status) {
        Subscription subscription = subscriptions.find(id, caller.actingFor());
        return deliveries.log(subscription.id(), status, page).map(DeliveryView::of);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "coordinator"})
    @Operation(summary = "Deliver again since an event or an instant", description = "Queues, in their order, every event "
            + "the subscription would receive after the given event or from the given instant, within the retention period "
            + "(30 days). They are delivered with their original ids, so a receiver that deduplicates by webhook-id keeps one effect.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "since an instant", value = """
            {"since": "2027-03-01T00:00:00Z"}""")))
    @APIResponse(responseCode = "202", description = "The deliveries are queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both starts, an unknown event, or beyond the retention "
            + "period (urn:passerelle:problem:validation)")
    @APIResponse(responseCode = "404", description = "No subscription with this id within reach (urn:passerelle:problem:not-found)")
    public Response replay(@PathParam("id") UUID id, @Valid @NotNull ReplayRequest request) {
        Subscription subscription = subscriptions.find(id, caller.actingFor());
        int queued = deliveries.replay(subscription, request.sinceEventId(), request.since());
        return Response.accepted(new ReplayView(queued)).build();
    }
}
