package org.passerelle.curriculum.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Converts a grade from one scale into another, by a declared table or by the distributions of a reference group
 * (the percentile method of the ECTS Users' Guide 2015, as the Egracons tool applies it).
 *
 * <p>By distribution: each side's passing grades are ordered best first and each holds a band of the group's
 * students, in cumulative percent from the top. The source grade's band has a middle; the converted grade is the
 * target grade whose band holds that middle. A middle that falls exactly on the boundary between two target bands
 * goes to the better grade, in the student's favour. Percentages are compared as exact fractions of the counts,
 * never rounded; they are rounded half up to one decimal only in the record of the conversion.
 */
public final class GradeConverter {

    private GradeConverter() {
    }

    /** Why a grade could not be converted. */
    public static final class NotConvertible extends RuntimeException {
        public final String reasonKey;
        public final transient Object[] arguments;

        NotConvertible(String reasonKey, Object... arguments) {
            super(reasonKey, null, false, false);
            this.reasonKey = reasonKey;
            this.arguments = arguments;
        }
    }

    public static ConvertedGrade byTable(GradingScale from, GradingScale to, ConversionTable table, String grade) {
        var row = table.rowFor(from, grade).orElseThrow(() -> new NotConvertible("conversion.no-row", grade));
        return new ConvertedGrade(grade, from.id, row.to(), to.id, ConvertedGrade.Method.TABLE, table.id, row,
                null, null, null, null, null, null);
    }

    public static ConvertedGrade byDistribution(GradingScale from, GradeDistribution fromGroup,
                                                GradingScale to, GradeDistribution toGroup, String grade) {
        if (!from.passes(grade)) {
            throw new NotConvertible("conversion.failing-grade", grade);
        }
        List<GradeDistribution.Count> source = bestFirst(from, fromGroup.counts);
        List<GradeDistribution.Count> target = bestFirst(to, toGroup.counts);
        long sourceTotal = total(source);
        long targetTotal = total(target);

        int index = sourceIndex(from, source, grade);
        long above = studentsAbove(source, index);
        long count = source.get(index).students();
        // the middle of the source band is (2 * above + count) / (2 * sourceTotal); compared without division
        long middleNumerator = 2 * above + count;
        long targetAbove = 0;
        for (var candidate : target) {
            long upper = targetAbove + candidate.students();
            if (candidate.students() > 0 && middleNumerator * targetTotal <= upper * 2 * sourceTotal) {
                return new ConvertedGrade(grade, from.id, candidate.grade(), to.id, ConvertedGrade.Method.DISTRIBUTION,
                        null, null, fromGroup.id, toGroup.id, fromGroup.referenceGroup,
                        band(source.get(index).grade(), above, count, sourceTotal),
                        percent(middleNumerator, 2 * sourceTotal),
                        band(candidate.grade(), targetAbove, candidate.students(), targetTotal));
            }
            targetAbove = upper;
        }
        throw new NotConvertible("conversion.empty-distribution", toGroup.referenceGroup);
    }

    /** The entry a source grade stands in: its own, or for a numeric scale the best listed grade at or below it. */
    private static int sourceIndex(GradingScale from, List<GradeDistribution.Count> source, String grade) {
        for (int i = 0; i < source.size(); i++) {
            String listed = source.get(i).grade();
            if (from.kind == ScaleKind.NUMERIC ? from.compare(listed, grade) <= 0 : listed.equals(grade)) {
                return i;
            }
        }
        if (from.kind == ScaleKind.NUMERIC) {
            return source.size() - 1;   // a pass below every listed grade stands with the lowest one
        }
        throw new NotConvertible("conversion.grade-not-in-distribution", grade, from.code);
    }

    static List<GradeDistribution.Count> bestFirst(GradingScale scale, List<GradeDistribution.Count> counts) {
        return counts.stream().sorted(Comparator.comparing(GradeDistribution.Count::grade, scale::compare).reversed()).toList();
    }

    private static long total(List<GradeDistribution.Count> counts) {
        return counts.stream().mapToLong(GradeDistribution.Count::students).sum();
    }

    private static long studentsAbove(List<GradeDistribution.Count> counts, int index) {
        return counts.subList(0, index).stream().mapToLong(GradeDistribution.Count::students).sum();
    }

    private static ConvertedGrade.Band band(String grade, long above, long count, long total) {
        return new ConvertedGrade.Band(grade, percent(above, total), percent(above + count, total));
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Why a table does not fit its two scales, as (field, message key, arguments); empty when it fits. */
    public static Optional<Object[]> tableProblem(GradingScale from, GradingScale to, List<ConversionTable.Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (!from.contains(row.from())) {
                return Optional.of(new Object[]{"rows[" + i + "].from", "table.not-in-scale", row.from(), from.code});
            }
            if (!to.contains(row.to())) {
                return Optional.of(new Object[]{"rows[" + i + "].to", "table.not-in-scale", row.to(), to.code});
            }
            if (from.passes(row.from()) != to.passes(row.to())) {
                return Optional.of(new Object[]{"rows[" + i + "].to", "table.pass-changes", row.from(), row.to()});
            }
            for (int j = 0; j < i; j++) {
                if (rows.get(j).from().equals(row.from()) || (from.kind == ScaleKind.NUMERIC && from.compare(rows.get(j).from(), row.from()) == 0)) {
                    return Optional.of(new Object[]{"rows[" + i + "].from", "table.duplicate-row", row.from()});
                }
            }
        }
        return coverage(from, rows);
    }

    /** A numeric table starts at the scale's minimum and at its pass mark; a table of labels names every label. */
    private static Optional<Object[]> coverage(GradingScale from, List<ConversionTable.Row> rows) {
        if (from.kind == ScaleKind.NUMERIC) {
            for (BigDecimal needed : List.of(from.minimum, from.passMark)) {
                if (rows.stream().noneMatch(r -> GradingScale.number(r.from()).compareTo(needed) == 0)) {
                    return Optional.of(new Object[]{"rows", "table.row-needed", needed.toPlainString()});
                }
            }
            return Optional.empty();
        }
        for (String label : from.orderedLabels()) {
            if (rows.stream().noneMatch(r -> r.from().equals(label))) {
                return Optional.of(new Object[]{"rows", "table.row-needed", label});
            }
        }
        return Optional.empty();
    }
}
