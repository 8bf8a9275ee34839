package org.passerelle.runtime.csv;

import org.passerelle.runtime.problem.InvalidFieldsException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a CSV file, with the line it starts on. Its typed readers collect what does not read (field: the
 * column; reason: the line, the value and the form expected); {@link #throwIfInvalid()} refuses the row alone.
 */
public final class CsvRow {

    /** Dates as French spreadsheets write them (05/07/2027, 5/7/2027), or ISO 8601 (2027-07-05). */
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final int line;
    private final List<String> cells;
    private final Map<String, Integer> positions;
    private final InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();

    CsvRow(int line, List<String> cells, Map<String, Integer> positions, int headerCells) {
        this.line = line;
        this.cells = cells;
        this.positions = positions;
        problems.check(cells.size() <= headerCells, "row", "csv.cells", line, cells.size(), headerCells);
    }

    /** The line of the file this row starts on (1 for the first line). */
    public int line() {
        return line;
    }

    /** The value of a column without surrounding spaces; null when empty or absent. */
    public String text(String column) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.size() || cells.get(position).isBlank()) {
            return null;
        }
        return cells.get(position).strip();
    }

    public UUID uuid(String column) {
        return uuid(column, text(column));
    }

    /** Ids separated by spaces. */
    public List<UUID> uuids(String column) {
        String value = text(column);
        List<UUID> ids = new ArrayList<>();
        for (String id : value == null ? new String[0] : value.split("\\s+")) {
            ids.add(uuid(column, id));
        }
        return ids;
    }

    private UUID uuid(String column, String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problems.check(false, column, "csv.uuid", line, value);
            return null;
        }
    }

    /** A date as dd/mm/yyyy or yyyy-mm-dd. */
    public LocalDate date(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.check(false, column, "csv.date", line, value);
            return null;
        }
    }

    public Integer integer(String column) {
        String value = text(column);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.check(false, column, "csv.integer", line, value);
            return null;
        }
    }

    /** A number with a point or, as French spreadsheets write it, a comma: 4.5 or 4,5. */
    public BigDecimal decimal(String column) {
        String value = text(column);
        try {
            return value == null ? null : new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.check(false, column, "csv.decimal", line, value);
            return null;
        }
    }

    /** One of an enumeration's constants, in any case. */
    public <E extends Enum<E>> E choice(String column, Class<E> type) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return choiceOf(column, value, type);
    }

    /** Constants separated by spaces, such as "HEPATITIS_B_VACCINATION HEALTH_INSURANCE". */
    public <E extends Enum<E>> java.util.Set<E> choices(String column, Class<E> type) {
        String value = text(column);
        java.util.Set<E> chosen = new java.util.LinkedHashSet<>();
        for (String word : value == null ? new String[0] : value.split("\\s+")) {
            E constant = choiceOf(column, word, type);
            if (constant != null) {
                chosen.add(constant);
            }
        }
        return chosen;
    }

    private <E extends Enum<E>> E choiceOf(String column, String word, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(word)) {
                return constant;
            }
        }
        problems.check(false, column, "csv.choice", line, word,
                String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        return null;
    }

    /** Refuses the row with every value that did not read. */
    public void throwIfInvalid() {
        problems.throwIfAny();
    }
}
