package org.passerelle.agreements;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An academic year is over when it is over in Shanghai, eight hours before it is in UTC and six or seven before Paris. */
class AgreementExpiryTest {

    @Test
    void theLastAcademicYearEndsAtMidnightInShanghai() {
        Instant lastSecondInShanghai = Instant.parse("2026-08-31T15:59:59Z");
        Instant firstSecondInShanghai = Instant.parse("2026-08-31T16:00:00Z"); // 18:00 in Paris, still 31 August there

        assertEquals("2025/2026", AcademicYear.of(AgreementExpiry.shanghaiDay(lastSecondInShanghai)));
        assertEquals("2026/2027", AcademicYear.of(AgreementExpiry.shanghaiDay(firstSecondInShanghai)),
                "an agreement whose last year is 2025/2026 has ended for SJTUSM");
    }
}
