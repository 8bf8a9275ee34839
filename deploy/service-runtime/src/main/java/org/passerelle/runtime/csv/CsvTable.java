package org.passerelle.runtime.csv;

import java.nio.charset.Charset;
import java.util.List;

/** What {@link CsvReader} read: the charset and separator it found, and the rows after the header. */
public record CsvTable(Charset charset, char separator, List<CsvRow> rows) {
}
