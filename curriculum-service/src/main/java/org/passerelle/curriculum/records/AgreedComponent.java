package org.passerelle.curriculum.records;

import java.math.BigDecimal;
import java.util.UUID;

/** A component of the last approved learning agreement of a mobility, with its credits in both schemes. */
public record AgreedComponent(UUID sessionId, String title, BigDecimal ects, BigDecimal chineseCredits, int agreementVersion) {
}
