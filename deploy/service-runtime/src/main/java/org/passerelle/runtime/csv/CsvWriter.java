package org.passerelle.runtime.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a list as the CSV the imports read: separated by {@code ;} with CRLF line ends, as French Excel writes, and
 * UTF-8 with a byte-order mark, by which Excel opens it with its accents and Chinese names intact. Values holding
 * the separator, a quote or a line break are quoted. Dates are written yyyy-mm-dd, which Excel recognises as dates.
 */
public final class CsvWriter {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    // quotes only the values that need it (separator, quote, line break, surrounding space), as Excel writes them
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n")
            .withQuoteChar('"');

    private CsvWriter() {
    }

    /** The header line, then one line per row; a null value is an empty cell. */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (SequenceWriter writer = MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(out)) {
            writer.write(header.toArray(String[]::new));
            for (List<String> row : rows) {
                writer.write(row.stream().map(v -> v == null ? "" : v).toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV in memory", e);
        }
        return out.toByteArray();
    }

    /** The bytes as text without the byte-order mark, for tests and logs. */
    public static String text(byte[] csv) {
        int from = csv.length >= 3 && csv[0] == BOM[0] && csv[1] == BOM[1] && csv[2] == BOM[2] ? 3 : 0;
        return new String(csv, from, csv.length - from, StandardCharsets.UTF_8);
    }
}
