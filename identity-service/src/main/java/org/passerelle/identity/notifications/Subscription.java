package org.passerelle.identity.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An institution's webhook: where its events go, which types (null: all), and the secrets that sign them. */
public record Subscription(UUID id, String institution, String url, List<String> eventTypes, String description,
                           String secret, String previousSecret, Instant previousSecretUntil, boolean enabled,
                           Status status, Instant failingSince, Instant createdAt, Instant secretRotatedAt) {

    public enum Status { HEALTHY, FAILING }

    /** Whether it wants events of this type. */
    public boolean wants(String type) {
        return eventTypes == null || eventTypes.isEmpty() || eventTypes.contains(type);
    }

    /** The secrets that sign now: the current one, and the previous one during a rotation's grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
