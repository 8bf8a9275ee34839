package org.passerelle.identity.notifications;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the delay doubles from {@code first} up to {@code longest}, and each wait
 * is drawn between half of it and all of it (jitter), so that receivers coming back from an outage are not hit by
 * every sender at once.
 */
public record Backoff(Duration first, Duration longest) {

    /** The wait after the given failed attempt (1 for the first). */
    public Duration after(int attempt) {
        Duration ceiling = ceiling(attempt);
        long half = ceiling.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The wait before jitter: first * 2^(attempt - 1), at most longest. */
    Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > longest.toMillis() ? longest : Duration.ofMillis(millis);
    }
}
