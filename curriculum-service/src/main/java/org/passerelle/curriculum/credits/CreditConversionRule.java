package org.passerelle.curriculum.credits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * How Chinese credits and ECTS convert between a Chinese institution and a partner, e.g. 1 Chinese credit =
 * 1.5 ECTS between SJTUSM and Université Claude Bernard Lyon 1. Results are rounded half up to one decimal,
 * the precision at which both schemes are recorded.
 */
@Entity
@Table(name = "credit_conversion_rule")
public class CreditConversionRule {

    @Id
    public UUID id;

    @Column(name = "chinese_institution", nullable = false, updatable = false)
    public String chineseInstitution;

    @Column(name = "partner_institution", nullable = false, updatable = false)
    public String partnerInstitution;

    @Column(name = "ects_per_chinese_credit", nullable = false)
    public BigDecimal ectsPerChineseCredit;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static CreditConversionRule between(String chineseInstitution, String partnerInstitution, BigDecimal ectsPerChineseCredit) {
        var rule = new CreditConversionRule();
        rule.id = UUID.randomUUID();
        rule.chineseInstitution = chineseInstitution;
        rule.partnerInstitution = partnerInstitution;
        rule.ectsPerChineseCredit = ectsPerChineseCredit;
        return rule;
    }

    public BigDecimal toEcts(BigDecimal chineseCredits) {
        return chineseCredits.multiply(ectsPerChineseCredit).setScale(1, RoundingMode.HALF_UP);
    }

    public BigDecimal toChineseCredits(BigDecimal ects) {
        return ects.divide(ectsPerChineseCredit, 1, RoundingMode.HALF_UP);
    }
}
