package org.passerelle.curriculum.credits;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CreditConversionRuleTest {

    final CreditConversionRule sjtuLyon = CreditConversionRule.between("sjtu.edu.cn", "univ-lyon1.fr", new BigDecimal("1.5"));

    @Test
    void oneChineseCreditIsOneAndAHalfEcts() {
        assertEquals(new BigDecimal("6.0"), sjtuLyon.toEcts(new BigDecimal("4")));
        assertEquals(new BigDecimal("3.8"), sjtuLyon.toEcts(new BigDecimal("2.5")));   // 3.75 rounded half up
    }

    @Test
    void ectsConvertBackRoundedToOneDecimal() {
        assertEquals(new BigDecimal("4.0"), sjtuLyon.toChineseCredits(new BigDecimal("6")));
        assertEquals(new BigDecimal("3.3"), sjtuLyon.toChineseCredits(new BigDecimal("5")));
    }
}
