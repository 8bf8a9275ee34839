package org.passerelle.runtime.csv;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<String> COLUMNS = List.of("givenName", "familyName", "arrival", "sessions");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 2);

    private static CsvTable read(byte[] body, String charset) {
        return CsvReader.read(body, charset, Locale.ENGLISH, COLUMNS, REQUIRED);
    }

    private static CsvTable read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<String> names(CsvTable table) {
        return table.rows().stream().map(r -> r.text("givenName") + " " + r.text("familyName")).toList();
    }

    private static Problem.FieldError refusal(byte[] body, String charset) {
        var e = assertThrows(ProblemException.class, () -> read(body, charset));
        assertEquals("bad-csv", e.type().slug());
        return e.fieldErrors().get(0);
    }

    @Test
    void aDeclaredWindows1252FileKeepsItsAccents() {
        byte[] body = "givenName,familyName\r\nÉloïse,D’Aubigné\r\nZoë,Lefèvre\r\n".getBytes(WINDOWS_1252);
        var table = read(body, "windows-1252");
        assertEquals(List.of("Éloïse D’Aubigné", "Zoë Lefèvre"), names(table));
        assertEquals(List.of("Éloïse D’Aubigné"), names(read(body, "ISO-8859-1")).subList(0, 1),
                "ISO-8859-1 is read as windows-1252, whose ’ it lacks");
    }

    @Test
    void frenchExcelsSemicolonCsvIsReadAsWindows1252WithoutBeingDeclared() {
        byte[] body = "sep=;\r\ngivenName;familyName;arrival\r\nFrançois;Çelik;05/07/2027\r\n;;\r\n".getBytes(WINDOWS_1252);
        var table = read(body, null);
        assertEquals(WINDOWS_1252, table.charset());
        assertEquals(';', table.separator());
        assertEquals(List.of("François Çelik"), names(table));
        assertEquals(3, table.rows().get(0).line());
        assertEquals(LocalDate.of(2027, 7, 5), table.rows().get(0).date("arrival"));
    }

    @Test
    void bytesThatDoNotDecodeAreRefusedWithTheirLineNeverGarbled() {
        byte[] utf8 = "givenName,familyName\nÉloïse,D'Aubigné\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Zoë,Lefèvre\n".getBytes(WINDOWS_1252);
        byte[] mixed = new byte[utf8.length + latin.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(latin, 0, mixed, utf8.length, latin.length);

        var undeclared = refusal(mixed, null);
        assertEquals("charset", undeclared.field());
        assertTrue(undeclared.reason().startsWith("line 3 holds bytes that are not UTF-8"), undeclared.reason());
        assertTrue(undeclared.reason().contains("charset=windows-1252"), undeclared.reason());
        assertTrue(refusal(latin, "UTF-8").reason().startsWith("line 1 "));
        assertEquals("charset", refusal(utf8, "no-such-charset").field());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumn() {
        byte[] body = "\uFEFFgivenName,familyName\nÉloïse,D'Aubigné\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("Éloïse D'Aubigné"), names(read(body, null)));
        assertEquals(List.of("Éloïse D'Aubigné"), names(read(body, "windows-1252")), "the mark wins over the declaration");
    }

    @Test
    void theSeparatorIsTheHeaderLines() {
        assertEquals(List.of("Éloïse D'Aubigné"), names(read("givenName\tfamilyName\nÉloïse\tD'Aubigné\n")));
        assertEquals(List.of("Éloïse D'Aubigné"), names(read("givenName;familyName\nÉloïse;D'Aubigné\n")));
        assertEquals(List.of("Éloïse D'Aubigné"), names(read("GivenName , familyname\nÉloïse,D'Aubigné\n")));
    }

    @Test
    void aHeaderWithoutSeparatorOrColumnsSaysWhatIsExpected() {
        var noSeparator = refusal("givenName|familyName\nx|y\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("separator", noSeparator.field());
        assertTrue(noSeparator.reason().contains("not separated by ; , or a tab"), noSeparator.reason());
        assertTrue(noSeparator.reason().contains("givenName;familyName"), noSeparator.reason());

        var e = assertThrows(ProblemException.class, () -> read("nom;prénom\nx;y\n"));
        assertEquals(List.of("givenName", "familyName"), e.fieldErrors().stream().map(Problem.FieldError::field).toList());
        assertArrayEquals(new Object[] {1}, e.arguments());
        assertEquals("header", refusal(new byte[0], null).field());
    }

    @Test
    void blankLinesAreNotRowsAndLinesCountAsInTheFile() {
        var table = read("givenName,familyName\r\n\r\nÉloïse,D'Aubigné\r\n,\r\n  \r\nZoë,Lefèvre\r\n\r\n\r\n");
        assertEquals(List.of("Éloïse D'Aubigné", "Zoë Lefèvre"), names(table));
        assertEquals(List.of(3, 6), table.rows().stream().map(CsvRow::line).toList());
    }

    @Test
    void quotedValuesHoldSeparatorsQuotesAndNewlines() {
        var table = read("givenName;familyName\n\"Marie; Anne\";\"D'Aubigné\n\"\"dite\"\" Zoë\"\nZoë;Lefèvre\n");
        assertEquals("Marie; Anne", table.rows().get(0).text("givenName"));
        assertEquals("D'Aubigné\n\"dite\" Zoë", table.rows().get(0).text("familyName"));
        assertEquals(List.of(2, 4), table.rows().stream().map(CsvRow::line).toList());

        var unclosed = refusal("givenName;familyName\nZoë;Lefèvre\n\"Marie;x\ny;z\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("the quoted value that starts on line 3 is never closed", unclosed.reason());
    }

    @Test
    void aValueThatDoesNotReadRefusesItsRowNamingLineColumnAndForm() {
        var table = read("givenName;familyName;arrival;sessions\nZoë;Lefèvre;31/02/2027;\nÉloïse;D'Aubigné;2027-07-05;"
                + UUID.randomUUID() + " nope\nMarie;Curie;1/9/2026;;extra\nAnne;Roy;01/09/2026\n");
        var first = table.rows().get(0);
        first.date("arrival");
        var e = assertThrows(InvalidFieldsException.class, first::throwIfInvalid);
        assertEquals("arrival", e.fields().get(0).field());
        assertEquals("csv.date", e.fields().get(0).reasonKey());
        assertArrayEquals(new Object[] {2, "31/02/2027"}, e.fields().get(0).arguments());

        var second = table.rows().get(1);
        assertEquals(2, second.uuids("sessions").size());
        assertEquals("sessions", assertThrows(InvalidFieldsException.class, second::throwIfInvalid).fields().get(0).field());

        var third = table.rows().get(2);
        assertEquals(LocalDate.of(2026, 9, 1), third.date("arrival"));
        assertEquals("row", assertThrows(InvalidFieldsException.class, third::throwIfInvalid).fields().get(0).field());

        var fourth = table.rows().get(3);
        assertEquals(LocalDate.of(2026, 9, 1), fourth.date("arrival"));
        assertNull(fourth.text("sessions"));
        fourth.throwIfInvalid();
    }
}
