package org.passerelle.curriculum.events;

import org.passerelle.curriculum.Credits;

import java.math.BigDecimal;
import java.util.UUID;

/** Credits as events carry them: both schemes and the rule used (null rule: set by hand). */
public record CreditsData(BigDecimal ects, BigDecimal chineseCredits, BigDecimal ectsPerChineseCredit, UUID conversionRuleId) {

    public static CreditsData of(Credits c) {
        return c == null ? null : new CreditsData(c.ects(), c.chineseCredits(), c.ectsPerChineseCredit(), c.conversionRuleId());
    }
}
