package org.passerelle.runtime.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.problem.ProblemMessages;
import org.passerelle.runtime.problem.ProblemResponses;
import org.passerelle.runtime.problem.ProblemType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads an uploaded CSV file the way spreadsheets write it, for every endpoint that takes {@code text/csv}.
 *
 * <ul>
 * <li>Bytes are decoded by the declared charset ({@code Content-Type: text/csv; charset=...}), UTF-8 when none is
 * declared; a byte-order mark wins over both. ISO-8859-1 and US-ASCII are read as their superset windows-1252, as
 * browsers do. Bytes that do not decode are refused with their line, never replaced.</li>
 * <li>French Excel's "CSV (séparateur: point-virgule)" writes windows-1252 without saying so: a body without a
 * declared charset that is not UTF-8, and holds no UTF-8 sequence at all, is read as windows-1252. One that mixes
 * both is refused, since either reading would garble some names.</li>
 * <li>The separator is the one of {@code ;}, {@code ,} or tab the header line uses most, or the one a first line
 * {@code sep=;} names (as Excel writes it).</li>
 * <li>Lines without any value (a trailing newline, {@code ;;;} rows) are not rows. CRLF or LF; quoted values may
 * hold separators, quotes ({@code ""}) and newlines.</li>
 * </ul>
 * Problems of the whole file are {@code bad-csv}; a value that does not read is a problem of its row only (see
 * {@link CsvRow}).
 */
public final class CsvReader {

    public static final ProblemType BAD_CSV = new ProblemType("bad-csv", 400);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<Character> SEPARATORS = List.of(';', ',', '\t');
    private static final Pattern SEP_LINE = Pattern.compile("\"?sep=(.)\"?[;,\\t]*\\s*", Pattern.CASE_INSENSITIVE);

    private CsvReader() {
    }

    /** The rows of a request's CSV body, by its Content-Type charset, with problems in its Accept-Language. */
    public static CsvTable read(byte[] body, HttpHeaders headers, List<String> columns, List<String> required) {
        MediaType type = headers == null ? null : headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return read(body, charset, ProblemResponses.locale(headers), columns, required);
    }

    /**
     * The rows of a CSV file. {@code columns} are the names the header may use (in any case and order; others are
     * ignored), {@code required} those it must have.
     */
    public static CsvTable read(byte[] body, String declaredCharset, Locale locale, List<String> columns, List<String> required) {
        return read(body, declaredCharset, locale, required, false, name -> columns.stream()
                .filter(column -> column.equalsIgnoreCase(name.strip())).findFirst());
    }

    /** The rows of a request's CSV body by {@code columns}, in English or French, refusing a column it does not know. */
    public static CsvTable read(byte[] body, HttpHeaders headers, CsvColumns columns) {
        MediaType type = headers == null ? null : headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return read(body, charset, ProblemResponses.locale(headers), columns);
    }

    public static CsvTable read(byte[] body, String declaredCharset, Locale locale, CsvColumns columns) {
        return read(body, declaredCharset, locale, columns.requiredNames(), true, columns::columnOf);
    }

    private static CsvTable read(byte[] body, String declaredCharset, Locale locale, List<String> required, boolean strict,
                                 Function<String, Optional<String>> columnOf) {
        var decoded = decode(body == null ? new byte[0] : body, declaredCharset, locale);
        String text = decoded.text();
        if (text.indexOf('\u0000') >= 0) {
            // UTF-16 without a byte-order mark reads as UTF-8 with a NUL beside every letter
            throw refusal(locale, 1, "charset", "csv.utf16");
        }
        String first = text.lines().findFirst().orElse("");
        var sepLine = SEP_LINE.matcher(first);
        boolean named = sepLine.matches();
        // Excel's "sep=;" line names the separator and is not part of the table
        String table = named ? text.substring(Math.min(text.length(), first.length() + lineBreakLength(text, first.length()))) : text;
        int firstLine = named ? 2 : 1;
        char separator = named ? sepLine.group(1).charAt(0) : separatorOf(headerLine(table));
        List<RawRow> raw = parse(table, separator, firstLine, locale);
        if (raw.isEmpty()) {
            throw refusal(locale, firstLine, "header", "csv.no-header", String.join(", ", required));
        }
        RawRow header = raw.get(0);
        Map<String, Integer> positions = positions(header, columnOf);
        checkHeader(header, positions, separator, required, locale);
        if (strict) {
            refuseUnknownColumns(header, columnOf, locale);
        }
        List<CsvRow> rows = new ArrayList<>();
        for (RawRow row : raw.subList(1, raw.size())) {
            rows.add(new CsvRow(row.line(), row.cells(), positions, header.cells().size()));
        }
        return new CsvTable(decoded.charset(), separator, rows);
    }

    /** A header cell that names no column is most often a misspelt one: its values would be lost without a word. */
    private static void refuseUnknownColumns(RawRow header, Function<String, Optional<String>> columnOf, Locale locale) {
        List<Problem.FieldError> unknown = header.cells().stream()
                .filter(name -> !name.isBlank() && columnOf.apply(name).isEmpty())
                .map(name -> new Problem.FieldError(name.strip(), ProblemMessages.text("csv.unknown-column", locale, header.line())))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(BAD_CSV, unknown, header.line());
        }
    }

    /** A header of one cell is taken as the wrong separator; otherwise each missing column is named. */
    private static void checkHeader(RawRow header, Map<String, Integer> positions, char separator, List<String> required, Locale locale) {
        List<String> missing = required.stream().filter(c -> !positions.containsKey(c)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (header.cells().size() == 1) {
            throw refusal(locale, header.line(), "separator", "csv.separator", header.line(), String.join(";", required));
        }
        String expected = String.join(String.valueOf(separator), required);
        throw new ProblemException(BAD_CSV, missing.stream().map(c -> new Problem.FieldError(c,
                ProblemMessages.text("csv.missing-column", locale, header.line(), expected))).toList(), header.line());
    }

    record Decoded(String text, Charset charset) {
    }

    private record RawRow(int line, List<String> cells) {
    }

    /** The body as text, by its byte-order mark, its declared charset, or UTF-8 or else windows-1252 (see above). */
    static Decoded decode(byte[] body, String declaredCharset, Locale locale) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strictly(body, 3, StandardCharsets.UTF_8, locale), StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFF, 0xFE) || startsWith(body, 0xFE, 0xFF)) {
            Charset utf16 = body[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return new Decoded(strictly(body, 2, utf16, locale), utf16);
        }
        if (declaredCharset != null) {
            Charset declared = charsetOf(declaredCharset, locale);
            return new Decoded(strictly(body, 0, declared, locale), declared);
        }
        try {
            return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(body)).toString(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            if (!holdsUtf8Sequence(body)) {
                return new Decoded(strictly(body, 0, WINDOWS_1252, locale), WINDOWS_1252);
            }
            return new Decoded(strictly(body, 0, StandardCharsets.UTF_8, locale), StandardCharsets.UTF_8);
        }
    }

    private static Charset charsetOf(String name, Locale locale) {
        try {
            Charset charset = Charset.forName(name.strip());
            // as browsers read them (WHATWG Encoding): these labels mean windows-1252, which Excel writes
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                return WINDOWS_1252;
            }
            return charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw refusal(locale, 1, "charset", "csv.unknown-charset", name);
        }
    }

    /** Decodes, refusing the first byte that does not decode with the line it is on. */
    private static String strictly(byte[] body, int offset, Charset charset, Locale locale) {
        CharsetDecoder decoder = decoder(charset);
        ByteBuffer in = ByteBuffer.wrap(body, offset, body.length - offset);
        CharBuffer out = CharBuffer.allocate((int) ((body.length - offset) * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int line = 1 + (int) out.chars().filter(c -> c == '\n').count();
            throw refusal(locale, line, "charset", "csv.charset", line, charset.name());
        }
        return out.toString();
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether the body holds at least one well-formed multi-byte UTF-8 sequence ("é" as C3 A9). */
    static boolean holdsUtf8Sequence(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int lead = body[i] & 0xFF;
            int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (length > 0 && i + length <= body.length && isUtf8(body, i, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] body, int from, int length) {
        try {
            decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(body, from, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lineBreakLength(String text, int at) {
        if (text.startsWith("\r\n", at)) {
            return 2;
        }
        return at < text.length() ? 1 : 0;
    }

    private static String headerLine(String text) {
        return text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
    }

    /** The separator the header line uses most (outside quotes); {@code ;} when it uses none. */
    static char separatorOf(String headerLine) {
        Map<Character, Integer> counts = new HashMap<>();
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && SEPARATORS.contains(c)) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        char best = SEPARATORS.get(0);
        for (char candidate : SEPARATORS) {
            if (counts.getOrDefault(candidate, 0) > counts.getOrDefault(best, 0)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The rows with a value, each with the line it starts on; lines without any value are left out. */
    private static List<RawRow> parse(String text, char separator, int firstLine, Locale locale) {
        List<RawRow> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
        int rowLine = firstLine;
        try (CsvParser parser = (CsvParser) new CsvMapper().getFactory().createParser(text)) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.setSchema(schema);
            List<String> cells = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    cells = new ArrayList<>();
                    rowLine = firstLine - 1 + parser.currentLocation().getLineNr();
                } else if (token == JsonToken.VALUE_STRING) {
                    if (cells.isEmpty()) {
                        rowLine = firstLine - 1 + parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY) {
                    if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                        rows.add(new RawRow(rowLine, List.copyOf(cells)));
                    }
                    cells = new ArrayList<>();
                }
            }
        } catch (JsonProcessingException e) {
            boolean quote = String.valueOf(e.getOriginalMessage()).contains("quote");
            throw refusal(locale, rowLine, "body", quote ? "csv.quote" : "csv.unreadable", rowLine);
        } catch (IOException e) {
            throw new IllegalStateException("reading text in memory", e);
        }
        return rows;
    }

    /** Where each known column is in the header; the first cell naming a column wins. */
    private static Map<String, Integer> positions(RawRow header, Function<String, Optional<String>> columnOf) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            int position = i;
            columnOf.apply(header.cells().get(i)).ifPresent(column -> positions.putIfAbsent(column, position));
        }
        return positions;
    }

    private static ProblemException refusal(Locale locale, int line, String field, String reasonKey, Object... arguments) {
        return new ProblemException(BAD_CSV, List.of(new Problem.FieldError(field, ProblemMessages.text(reasonKey, locale, arguments))), line);
    }
}
