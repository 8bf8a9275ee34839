package org.passerelle.curriculum.records;

import java.util.List;
import java.util.stream.Collectors;

/** The recognition as a CSV sheet: one line per component, ';'-separated, UTF-8 with a byte-order mark (for Excel). */
final class RecognitionCsv {

    private static final List<String> HEADER = List.of("mobilityId", "transcriptVersion", "sessionId", "title", "grade", "homeGrade",
            "conversionMethod", "homeCourses", "extraCredits", "ects", "chineseCredits", "outsideAgreementReason");

    private RecognitionCsv() {
    }

    static String of(Recognition recognition) {
        var lines = new StringBuilder("\uFEFF").append(String.join(";", HEADER)).append("\r\n");
        for (var c : recognition.components) {
            lines.append(List.of(recognition.mobilityId.toString(), Integer.toString(recognition.transcriptVersion), c.sessionId().toString(),
                            nullToEmpty(c.title()), c.grade(), c.homeGrade(), c.conversion().method().name(), String.join(" | ", c.homeCourses()),
                            Boolean.toString(c.extraCredits()), c.ects().toPlainString(), c.chineseCredits().toPlainString(),
                            nullToEmpty(c.outsideAgreementReason()))
                    .stream().map(RecognitionCsv::quoted).collect(Collectors.joining(";"))).append("\r\n");
        }
        return lines.toString();
    }

    /** Quotes a value holding a separator, a quote or a line break; a value starting like a formula is quoted with a ' first. */
    static String quoted(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+") ? "'" + value : value;
        return safe.matches("(?s).*[;\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
