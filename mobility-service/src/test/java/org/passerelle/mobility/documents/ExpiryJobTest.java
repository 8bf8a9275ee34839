package org.passerelle.mobility.documents;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** When the daily job reminds of an expiry: 30 days before, then 7, each once, a missed one late. */
class ExpiryJobTest {

    static final LocalDate EXPIRY = LocalDate.of(2027, 7, 20);

    @Test
    void remindsThirtyThenSevenDaysBeforeEachOnce() {
        assertNull(ExpiryJob.reminderDue(EXPIRY.minusDays(31), EXPIRY, null));
        assertEquals(30, ExpiryJob.reminderDue(EXPIRY.minusDays(30), EXPIRY, null));
        assertNull(ExpiryJob.reminderDue(EXPIRY.minusDays(29), EXPIRY, 30), "sent already");
        assertNull(ExpiryJob.reminderDue(EXPIRY.minusDays(8), EXPIRY, 30));
        assertEquals(7, ExpiryJob.reminderDue(EXPIRY.minusDays(7), EXPIRY, 30));
        assertNull(ExpiryJob.reminderDue(EXPIRY.minusDays(3), EXPIRY, 7));
    }

    @Test
    void aReminderMissedIsSentLateOnlyTheClosestOne() {
        assertEquals(30, ExpiryJob.reminderDue(EXPIRY.minusDays(20), EXPIRY, null));
        assertEquals(7, ExpiryJob.reminderDue(EXPIRY.minusDays(5), EXPIRY, null), "not 30 then 7 on the same day");
    }
}
