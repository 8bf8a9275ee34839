package org.passerelle.mobility.learning;

import org.passerelle.runtime.problem.InvalidFieldsException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A component of a learning agreement: a catalogue session and its credits in both schemes, side by side with
 * the conversion rule that produced one from the other (never only a converted value).
 *
 * @param ectsPerChineseCredit the rule, e.g. 1.5 (1 Chinese credit = 1.5 ECTS); null when both amounts were given
 *                             by hand
 * @param given                which amounts the proposer gave; the other one, if any, was converted by the rule
 * @param conversionRuleId     curriculum-service's rule for the pair of institutions, when the proposer named it
 */
public record Component(UUID sessionId, String title, BigDecimal ects, BigDecimal chineseCredits,
                        BigDecimal ectsPerChineseCredit, Given given, UUID conversionRuleId) {

    public enum Given { CHINESE_CREDITS, ECTS, BOTH }

    /** Both schemes are recorded to one decimal; conversions round half up to it. */
    static final int SCALE = 1;
    private static final BigDecimal MAX_CREDITS = new BigDecimal("999.9");
    private static final BigDecimal MAX_RATIO = BigDecimal.TEN;

    /** What a proposal asks for one component, before its credits are checked and converted. */
    public record Draft(UUID sessionId, String title, BigDecimal ects, BigDecimal chineseCredits,
                        BigDecimal ectsPerChineseCredit, UUID conversionRuleId) {
    }

    /**
     * Checks the draft's credits and converts the missing amount with the rule; the broken rules go to
     * {@code problems} under {@code at} (e.g. {@code components[0].}). Null when a rule is broken.
     */
    static Component of(Draft d, String at, InvalidFieldsException.Collector problems) {
        boolean valid = checkAmount(d.ects(), at + "ects", problems)
                & checkAmount(d.chineseCredits(), at + "chineseCredits", problems);
        BigDecimal ratio = d.ectsPerChineseCredit();
        if (ratio != null && (ratio.signum() <= 0 || ratio.compareTo(MAX_RATIO) > 0 || ratio.stripTrailingZeros().scale() > 4)) {
            problems.check(false, at + "ectsPerChineseCredit", "learning.ratio");
            return null;
        }
        if (ratio == null) {
            problems.check(d.ects() != null, at + "ects", "learning.both-without-rule")
                    .check(d.chineseCredits() != null, at + "chineseCredits", "learning.both-without-rule");
            return valid && d.ects() != null && d.chineseCredits() != null
                    ? new Component(d.sessionId(), d.title(), scaled(d.ects()), scaled(d.chineseCredits()), null, Given.BOTH, d.conversionRuleId())
                    : null;
        }
        if (d.ects() == null && d.chineseCredits() == null) {
            problems.check(false, at + "chineseCredits", "learning.one-amount");
            return null;
        }
        return valid ? converted(d, plain(ratio), at, problems) : null;
    }

    private static Component converted(Draft d, BigDecimal ratio, String at, InvalidFieldsException.Collector problems) {
        if (d.chineseCredits() == null) {
            BigDecimal chinese = d.ects().divide(ratio, SCALE, RoundingMode.HALF_UP);
            problems.check(chinese.signum() > 0, at + "ects", "learning.converts-to-zero", ratio);
            return chinese.signum() > 0 ? new Component(d.sessionId(), d.title(), scaled(d.ects()), chinese, ratio, Given.ECTS, d.conversionRuleId()) : null;
        }
        BigDecimal ects = toEcts(d.chineseCredits(), ratio);
        if (d.ects() != null && d.ects().compareTo(ects) != 0) {
            problems.check(false, at + "ects", "learning.disagrees-with-rule", ects.toPlainString(), ratio.toPlainString());
            return null;
        }
        Given given = d.ects() == null ? Given.CHINESE_CREDITS : Given.BOTH;
        return new Component(d.sessionId(), d.title(), ects, scaled(d.chineseCredits()), ratio, given, d.conversionRuleId());
    }

    static BigDecimal toEcts(BigDecimal chineseCredits, BigDecimal ectsPerChineseCredit) {
        return chineseCredits.multiply(ectsPerChineseCredit).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A positive number of credits with at most one decimal; absent is checked by the caller. */
    private static boolean checkAmount(BigDecimal amount, String field, InvalidFieldsException.Collector problems) {
        boolean holds = amount == null
                || amount.signum() > 0 && amount.compareTo(MAX_CREDITS) <= 0 && amount.stripTrailingZeros().scale() <= SCALE;
        problems.check(holds, field, "learning.credit-amount");
        return holds;
    }

    /** 1.50 as 1.5 and 10 as 10 (not 1E+1): the form the rule is stored, hashed and published in. */
    private static BigDecimal plain(BigDecimal ratio) {
        return new BigDecimal(ratio.stripTrailingZeros().toPlainString());
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** The fields of the component in a fixed form, for the content hash: 6 and 6.0 are the same amount. */
    String canonical() {
        return String.join("\t", sessionId.toString(), title == null ? "-" : title.length() + ":" + title,
                ects.toPlainString(), chineseCredits.toPlainString(),
                ectsPerChineseCredit == null ? "-" : ectsPerChineseCredit.toPlainString(), given.name(),
                conversionRuleId == null ? "-" : conversionRuleId.toString());
    }
}
