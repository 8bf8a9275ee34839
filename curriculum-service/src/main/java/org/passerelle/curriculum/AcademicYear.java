package org.passerelle.curriculum;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** An academic year such as 2026/2027: two consecutive years, from September to August. */
public final class AcademicYear {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})/(\\d{4})");

    private AcademicYear() {
    }

    public static boolean isValid(String year) {
        if (year == null) {
            return false;
        }
        var m = FORMAT.matcher(year);
        return m.matches() && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1;
    }

    /** Whether a date lies in the year; summer programmes run in July and August, at its end. */
    public static boolean contains(String year, LocalDate date) {
        int start = Integer.parseInt(year.substring(0, 4));
        return !date.isBefore(LocalDate.of(start, 9, 1)) && !date.isAfter(LocalDate.of(start + 1, 8, 31));
    }
}
