package org.passerelle.runtime.csv;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a CSV endpoint takes: each by its English name, as exports write it, and the French names a spreadsheet
 * made in France may use instead ("Prénom" for givenName). A header name matches whatever its case, accents, spaces,
 * hyphens, underscores and apostrophes: "date de naissance", "Date_de_naissance" and "DATE DE NAISSANCE" are one name.
 * A table read with columns refuses a header naming a column it does not know, so that a misspelt column is not
 * silently left out.
 */
public final class CsvColumns {

    private final Map<String, Column> byName = new LinkedHashMap<>();
    private final List<Column> columns = new ArrayList<>();

    private record Column(String name, boolean required, List<String> aliases) {
    }

    /** A required column, with the other names it may have in the header. */
    public CsvColumns required(String name, String... aliases) {
        return add(new Column(name, true, List.of(aliases)));
    }

    /** A column that may be absent, with the other names it may have in the header. */
    public CsvColumns optional(String name, String... aliases) {
        return add(new Column(name, false, List.of(aliases)));
    }

    private CsvColumns add(Column column) {
        columns.add(column);
        byName.put(key(column.name()), column);
        column.aliases().forEach(alias -> byName.put(key(alias), column));
        return this;
    }

    /** The English names, in the order an export writes them. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public List<String> requiredNames() {
        return columns.stream().filter(Column::required).map(Column::name).toList();
    }

    /** The column a header cell names, if any. */
    public Optional<String> columnOf(String headerName) {
        return Optional.ofNullable(byName.get(key(headerName))).map(Column::name);
    }

    /** A header name without what people type differently: case, accents, spaces, '-', '_', apostrophes. */
    static String key(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("[\\p{M}\\s_'’.-]", "").toLowerCase(Locale.ROOT);
    }
}
