package org.passerelle.curriculum.grading;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.passerelle.curriculum.grading.Scales.CHINESE;
import static org.passerelle.curriculum.grading.Scales.ECTS;
import static org.passerelle.curriculum.grading.Scales.FRENCH;

class GradeConverterTest {

    static final ConversionTable CHINESE_TO_FRENCH = ConversionTable.between(CHINESE, FRENCH, rows(
            "0", "5", "50", "8", "60", "10", "70", "12", "80", "14", "90", "16"), "coordinator");
    static final ConversionTable FRENCH_TO_CHINESE = ConversionTable.between(FRENCH, CHINESE, rows(
            "0", "30", "10", "60", "12", "70", "14", "80", "16", "90"), "coordinator");

    // reference groups of 100 students each: percentages are the counts
    static final GradeDistribution LYON = GradeDistribution.of(FRENCH, "medicine", counts(
            "16", 5, "15", 10, "14", 15, "13", 20, "12", 20, "11", 15, "10", 15), "coordinator");
    static final GradeDistribution SHANGHAI = GradeDistribution.of(CHINESE, "medicine", counts(
            "60", 10, "90", 10, "85", 20, "80", 30, "75", 20, "70", 10), "coordinator");

    @Test
    void aTableConvertsByTheRowAtOrBelowTheGrade() {
        assertEquals("10", GradeConverter.byTable(CHINESE, FRENCH, CHINESE_TO_FRENCH, "60").convertedGrade());
        assertEquals("8", GradeConverter.byTable(CHINESE, FRENCH, CHINESE_TO_FRENCH, "59.9").convertedGrade());
        assertEquals("16", GradeConverter.byTable(CHINESE, FRENCH, CHINESE_TO_FRENCH, "100").convertedGrade());
        assertEquals("60", GradeConverter.byTable(FRENCH, CHINESE, FRENCH_TO_CHINESE, "10").convertedGrade());
        assertEquals("30", GradeConverter.byTable(FRENCH, CHINESE, FRENCH_TO_CHINESE, "9.99").convertedGrade());
    }

    @Test
    void aTableConversionRecordsItsTableAndRow() {
        var converted = GradeConverter.byTable(CHINESE, FRENCH, CHINESE_TO_FRENCH, "87.5");
        assertEquals(ConvertedGrade.Method.TABLE, converted.method());
        assertEquals(CHINESE_TO_FRENCH.id, converted.tableId());
        assertEquals(new ConversionTable.Row("80", "14"), converted.row());
    }

    @Test
    void aTableMustKeepPassesAndFailsAndStartAtTheMinimumAndThePassMark() {
        assertEquals("table.pass-changes", GradeConverter.tableProblem(CHINESE, FRENCH, rows("0", "5", "50", "10", "60", "10")).orElseThrow()[1]);
        assertEquals("table.row-needed", GradeConverter.tableProblem(CHINESE, FRENCH, rows("0", "5", "65", "10")).orElseThrow()[1]);
        assertEquals("table.row-needed", GradeConverter.tableProblem(CHINESE, FRENCH, rows("60", "10")).orElseThrow()[1]);
        assertEquals("table.not-in-scale", GradeConverter.tableProblem(CHINESE, FRENCH, rows("0", "5", "60", "21")).orElseThrow()[1]);
        assertEquals("rows[1].to", GradeConverter.tableProblem(CHINESE, FRENCH, rows("0", "5", "60", "21")).orElseThrow()[0]);
        assertEquals("table.row-needed", GradeConverter.tableProblem(ECTS, FRENCH, rows("A", "16", "B", "14")).orElseThrow()[1]);
        assertTrue(GradeConverter.tableProblem(CHINESE, FRENCH, CHINESE_TO_FRENCH.rows).isEmpty());
    }

    @Test
    void byDistributionTheGradeIsTheOneWhoseBandHoldsTheMiddleOfTheSourceBand() {
        // 85 in Shanghai: the 10-30 % band, middle 20 %; in Lyon 14 holds 15-30 %
        var converted = GradeConverter.byDistribution(CHINESE, SHANGHAI, FRENCH, LYON, "85");
        assertEquals("14", converted.convertedGrade());
        assertEquals(ConvertedGrade.Method.DISTRIBUTION, converted.method());
        assertEquals(new ConvertedGrade.Band("85", new BigDecimal("10.0"), new BigDecimal("30.0")), converted.sourceBand());
        assertEquals(new BigDecimal("20.0"), converted.midpointPercent());
        assertEquals(new ConvertedGrade.Band("14", new BigDecimal("15.0"), new BigDecimal("30.0")), converted.targetBand());
        assertEquals(SHANGHAI.id, converted.fromDistributionId());
        assertEquals(LYON.id, converted.toDistributionId());
        // a grade between listed grades stands with the listed one below it
        assertEquals("14", GradeConverter.byDistribution(CHINESE, SHANGHAI, FRENCH, LYON, "89.9").convertedGrade());
    }

    @Test
    void thePassMarksConvertIntoPasses() {
        assertEquals("10", GradeConverter.byDistribution(CHINESE, SHANGHAI, FRENCH, LYON, "60").convertedGrade());
        assertEquals("60", GradeConverter.byDistribution(FRENCH, LYON, CHINESE, SHANGHAI, "10").convertedGrade());
    }

    @Test
    void aMiddleOnABoundaryGoesToTheBetterGrade() {
        // 90 in Shanghai: 0-10 %, middle 5 %, exactly where Lyon's 16 (0-5 %) meets 15 (5-15 %)
        var converted = GradeConverter.byDistribution(CHINESE, SHANGHAI, FRENCH, LYON, "90");
        assertEquals(new BigDecimal("5.0"), converted.midpointPercent());
        assertEquals("16", converted.convertedGrade());
    }

    @Test
    void aFailingGradeHasNoPlaceInADistribution() {
        var refused = assertThrows(GradeConverter.NotConvertible.class,
                () -> GradeConverter.byDistribution(FRENCH, LYON, CHINESE, SHANGHAI, "9.99"));
        assertEquals("conversion.failing-grade", refused.reasonKey);
        assertThrows(GradeConverter.NotConvertible.class,
                () -> GradeConverter.byDistribution(CHINESE, SHANGHAI, FRENCH, LYON, "59.9"));
    }

    @Test
    void percentagesAreRoundedHalfUpForTheRecordOnly() {
        assertEquals(new BigDecimal("33.3"), GradeConverter.percent(1, 3));
        assertEquals(new BigDecimal("66.7"), GradeConverter.percent(2, 3));
        assertEquals(new BigDecimal("0.1"), GradeConverter.percent(1, 2000));   // 0.05 half up
    }

    static List<ConversionTable.Row> rows(String... fromTo) {
        var rows = new java.util.ArrayList<ConversionTable.Row>();
        for (int i = 0; i < fromTo.length; i += 2) {
            rows.add(new ConversionTable.Row(fromTo[i], fromTo[i + 1]));
        }
        return rows;
    }

    static List<GradeDistribution.Count> counts(Object... gradeCount) {
        var counts = new java.util.ArrayList<GradeDistribution.Count>();
        for (int i = 0; i < gradeCount.length; i += 2) {
            counts.add(new GradeDistribution.Count((String) gradeCount[i], ((Integer) gradeCount[i + 1]).longValue()));
        }
        return counts;
    }
}
