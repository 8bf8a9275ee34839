package org.passerelle.curriculum.grading;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.grading.Scales.CHINESE;
import static org.passerelle.curriculum.grading.Scales.ECTS;
import static org.passerelle.curriculum.grading.Scales.FRENCH;
import static org.passerelle.curriculum.grading.Scales.PASS_FAIL;

class GradingScaleTest {

    @Test
    void tenOutOfTwentyPassesAndNothingBelowItDoes() {
        assertTrue(FRENCH.passes("10"));
        assertTrue(FRENCH.passes("10.00"));
        assertFalse(FRENCH.passes("9.99"));
        assertTrue(FRENCH.passes("20"));
        assertFalse(FRENCH.passes("0"));
    }

    @Test
    void sixtyOutOfAHundredPassesAndNothingBelowItDoes() {
        assertTrue(CHINESE.passes("60"));
        assertFalse(CHINESE.passes("59.9"));
        assertTrue(CHINESE.passes("100"));
    }

    @Test
    void aGradeIsNeverRoundedSoOneWithMoreDecimalsThanTheScaleIsRefused() {
        assertEquals("grade.not-a-number", FRENCH.refusal("9.995").orElseThrow().reasonKey());
        assertEquals("grade.not-a-number", CHINESE.refusal("59.95").orElseThrow().reasonKey());
        assertTrue(FRENCH.contains("9.99"));
    }

    @Test
    void aGradeOutsideTheRangeOrNotANumberIsRefused() {
        assertEquals("grade.outside-scale", FRENCH.refusal("20.5").orElseThrow().reasonKey());
        assertEquals("grade.outside-scale", FRENCH.refusal("-1").orElseThrow().reasonKey());
        assertEquals("grade.outside-scale", CHINESE.refusal("101").orElseThrow().reasonKey());
        assertEquals("grade.not-a-number", FRENCH.refusal("douze").orElseThrow().reasonKey());
        assertEquals("grade.not-a-number", FRENCH.refusal("1e1").orElseThrow().reasonKey());
        assertEquals("grade.required", FRENCH.refusal(" ").orElseThrow().reasonKey());
    }

    @Test
    void ectsPassesDownToEAndFailsWithFxAndF() {
        assertTrue(ECTS.passes("A"));
        assertTrue(ECTS.passes("E"));
        assertFalse(ECTS.passes("FX"));
        assertFalse(ECTS.passes("F"));
        assertEquals("grade.not-a-label", ECTS.refusal("a").orElseThrow().reasonKey());
        assertTrue(ECTS.compare("A", "B") > 0);
    }

    @Test
    void aPassFailComponentHasOnlyTwoGrades() {
        assertTrue(PASS_FAIL.passes("PASS"));
        assertFalse(PASS_FAIL.passes("FAIL"));
        assertFalse(PASS_FAIL.contains("12"));
    }
}
