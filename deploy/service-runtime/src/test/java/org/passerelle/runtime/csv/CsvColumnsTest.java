package org.passerelle.runtime.csv;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.ProblemException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvColumnsTest {

    private static final CsvColumns COLUMNS = new CsvColumns()
            .required("givenName", "Prénom")
            .required("familyName", "Nom")
            .optional("dateOfBirth", "Date de naissance");

    private static CsvTable read(byte[] body) {
        return CsvReader.read(body, null, Locale.ENGLISH, COLUMNS);
    }

    @Test
    void frenchHeadersAreReadWhateverTheirCaseAccentsAndSpaces() {
        byte[] body = "PRENOM;nom;Date_de_Naissance\r\nÉloïse;D'Aubigné;17/04/2003\r\n".getBytes(Charset.forName("windows-1252"));
        var row = read(body).rows().get(0);
        assertEquals("Éloïse", row.text("givenName"));
        assertEquals("D'Aubigné", row.text("familyName"));
        assertEquals(LocalDate.of(2003, 4, 17), row.date("dateOfBirth"));
    }

    @Test
    void aColumnThatIsNotKnownIsRefusedByName() {
        var e = assertThrows(ProblemException.class, () -> read("givenName;familyName;birthday\n;Zoé;Martin\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("bad-csv", e.type().slug());
        assertEquals("birthday", e.fieldErrors().get(0).field());
    }

    @Test
    void aMissingColumnIsNamed() {
        var e = assertThrows(ProblemException.class, () -> read("givenName;dateOfBirth\nZoé;\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("familyName", e.fieldErrors().get(0).field());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedSayingSo() {
        var e = assertThrows(ProblemException.class, () -> read("givenName;familyName\nZoé;Martin\n".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("charset", e.fieldErrors().get(0).field());
        assertTrue(e.fieldErrors().get(0).reason().contains("UTF-16"), e.fieldErrors().get(0).reason());
    }

    @Test
    void whatTheWriterWritesReadsBackTheSame() {
        List<List<String>> rows = List.of(Arrays.asList("Zoé; \"la\"\nseconde", "王", null), List.of("Éloïse", "D’Aubigné", "2003-04-17"));
        byte[] csv = CsvWriter.write(COLUMNS.names(), rows);
        var table = read(csv);
        assertEquals(';', table.separator());
        assertEquals(StandardCharsets.UTF_8, table.charset());
        assertEquals("Zoé; \"la\"\nseconde", table.rows().get(0).text("givenName"));
        assertEquals("王", table.rows().get(0).text("familyName"));
        assertEquals(null, table.rows().get(0).text("dateOfBirth"));
        assertEquals(LocalDate.of(2003, 4, 17), table.rows().get(1).date("dateOfBirth"));
        assertTrue(CsvWriter.text(csv).startsWith("givenName;familyName;dateOfBirth\r\n\"Zoé; \"\"la\"\"\nseconde\";王;\r\nÉloïse;D’Aubigné;2003-04-17\r\n"),
                "only what needs quotes is quoted: " + CsvWriter.text(csv));
    }

    @Test
    void numbersAndChoicesSayWhatIsExpected() {
        var columns = new CsvColumns().required("kind").optional("hours").optional("ects");
        var row = CsvReader.read("kind;hours;ects\nstudent;4,5;4,5\n".getBytes(StandardCharsets.UTF_8), null, Locale.ENGLISH, columns).rows().get(0);
        assertEquals(null, row.choice("kind", Locale.Category.class), "student is not a category");
        assertEquals(null, row.integer("hours"));
        assertEquals(new java.math.BigDecimal("4.5"), row.decimal("ects"));
        var e = assertThrows(org.passerelle.runtime.problem.InvalidFieldsException.class, row::throwIfInvalid);
        assertEquals(List.of("kind", "hours"), e.fields().stream().map(f -> f.field()).toList());
    }
}
