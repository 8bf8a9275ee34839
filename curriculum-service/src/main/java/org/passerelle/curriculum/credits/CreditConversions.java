package org.passerelle.curriculum.credits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.passerelle.curriculum.Credits;
import org.passerelle.curriculum.CurriculumProblems;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Credit conversion rules per pair of institutions, and the conversions made with them. */
@ApplicationScoped
public class CreditConversions {

    /** Credits in both schemes and the rule that converted them. */
    public record Conversion(BigDecimal chineseCredits, BigDecimal ects, CreditConversionRule rule) {
    }

    @Inject
    CreditConversionRuleRepository rules;

    @Transactional
    public CreditConversionRule define(String chineseInstitution, String partnerInstitution, BigDecimal ectsPerChineseCredit) {
        if (chineseInstitution.equals(partnerInstitution)) {
            throw new InvalidFieldsException(List.of(new InvalidFieldsException.InvalidField(
                    "partnerInstitution", "rule.same-institution")));
        }
        // a pair has one rule, whichever side is named Chinese: the unique constraint covers one order, this the other
        if (rules.forPair(chineseInstitution, partnerInstitution).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT);
        }
        var rule = CreditConversionRule.between(chineseInstitution, partnerInstitution, ectsPerChineseCredit);
        rules.persist(rule);
        return rule;
    }

    @Transactional
    public CreditConversionRule change(UUID id, long expectedVersion, BigDecimal ectsPerChineseCredit) {
        var rule = find(id);
        if (rule.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED);
        }
        rule.ectsPerChineseCredit = ectsPerChineseCredit;
        return rule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CreditConversionRule find(UUID id) {
        return rules.findByIdOptional(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND));
    }

    /** Converts whichever amount is given into the other, with the pair's rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Conversion convert(String institution, String otherInstitution, BigDecimal chineseCredits, BigDecimal ects) {
        var rule = rules.forPair(institution, otherInstitution)
                .orElseThrow(() -> new ProblemException(CurriculumProblems.NO_CONVERSION_RULE, institution, otherInstitution));
        return chineseCredits != null
                ? new Conversion(chineseCredits, rule.toEcts(chineseCredits), rule)
                : new Conversion(rule.toChineseCredits(ects), ects, rule);
    }

    /**
     * The credits of a catalogue item. With a rule, the missing amount is converted and a given one must agree
     * with the rule; without, both amounts are given by hand. Reported by field under {@code credits}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Credits credits(BigDecimal chineseCredits, BigDecimal ects, UUID ruleId) {
        var problems = new InvalidFieldsException.Collector();
        if (ruleId == null) {
            problems.check(chineseCredits != null, "credits.chineseCredits", "credits.both-without-rule")
                    .check(ects != null, "credits.ects", "credits.both-without-rule")
                    .throwIfAny();
            return new Credits(ects, chineseCredits, null, null);
        }
        var rule = rules.findByIdOptional(ruleId).orElse(null);
        problems.check(rule != null, "credits.conversionRuleId", "credits.unknown-rule")
                .check(chineseCredits != null || ects != null, "credits.chineseCredits", "credits.one-amount")
                .throwIfAny();
        BigDecimal chinese = chineseCredits != null ? chineseCredits : rule.toChineseCredits(ects);
        BigDecimal expectedEcts = rule.toEcts(chinese);
        problems.check(ects == null || chineseCredits == null || ects.compareTo(expectedEcts) == 0,
                "credits.ects", "credits.disagrees-with-rule", expectedEcts, rule.ectsPerChineseCredit).throwIfAny();
        return new Credits(ects != null ? ects : expectedEcts, chinese, rule.ectsPerChineseCredit, rule.id);
    }
}
