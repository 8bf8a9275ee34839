package org.passerelle.curriculum.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One component's result in the transcript events. */
public record TranscriptData(UUID sessionId, String title, String grade, boolean passed, BigDecimal ectsEarned,
                             BigDecimal chineseCreditsEarned, LocalDate assessedOn) {
}
