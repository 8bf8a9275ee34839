package org.passerelle.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Credits in both schemes side by side, with the rule that made one from the other: {@code ectsPerChineseCredit}
 * and the id of the institution pair's rule, or both null when the two values were set by hand.
 */
@Embeddable
public record Credits(
        @Column(name = "ects") BigDecimal ects,
        @Column(name = "chinese_credits") BigDecimal chineseCredits,
        @Schema(nullable = true) @Column(name = "ects_per_chinese_credit") BigDecimal ectsPerChineseCredit,
        @Schema(nullable = true) @Column(name = "conversion_rule_id") UUID conversionRuleId) {
}
