package org.passerelle.devstack;

import java.time.Duration;

/**
 * When to start again a service that ended on its own: at once the first time, then after a delay that doubles
 * up to a minute, so a service that cannot start does not spin. A service that ran a while before it ended starts
 * over from the shortest delay.
 */
final class RestartPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(1);
    /** A service that stayed up this long is considered healthy again: its next crash is a new story. */
    static final Duration STABLE_AFTER = Duration.ofMinutes(2);

    private Duration nextDelay = FIRST_DELAY;
    private int restarts;

    /** The delay before the next start of a service that ran {@code ranFor} before it ended. */
    Duration delayAfter(Duration ranFor) {
        if (ranFor.compareTo(STABLE_AFTER) >= 0) {
            nextDelay = FIRST_DELAY;
        }
        Duration delay = nextDelay;
        nextDelay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
        restarts++;
        return delay;
    }

    int restarts() {
        return restarts;
    }
}
