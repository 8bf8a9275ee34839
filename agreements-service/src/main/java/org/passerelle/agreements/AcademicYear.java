package org.passerelle.agreements;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Pattern;

/** An academic year such as 2025/2026: two consecutive years. */
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

    /** The academic year a day falls in; a year runs from 1 September to 31 August. */
    public static String of(LocalDate day) {
        int start = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return start + "/" + (start + 1);
    }

    public static String plus(String year, int years) {
        int start = start(year) + years;
        return start + "/" + (start + 1);
    }

    public static int start(String year) {
        return Integer.parseInt(year.substring(0, 4));
    }
}
