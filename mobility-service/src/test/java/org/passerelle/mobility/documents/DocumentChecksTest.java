package org.passerelle.mobility.documents;

import org.junit.jupiter.api.Test;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an upload must be, without a database: a plain file name, dates in order, and content that is a PDF, JPEG or PNG. */
class DocumentChecksTest {

    @Test
    void theTypeIsReadFromTheContentWhateverTheName() throws Exception {
        assertEquals("application/pdf", Documents.checkContent(SampleFiles.file(SampleFiles.pdf("assurance"))));
        assertEquals("image/png", Documents.checkContent(SampleFiles.file(SampleFiles.png())));
        for (byte[] wrong : List.of(SampleFiles.executable(), SampleFiles.notAPdf())) {
            var refused = assertThrows(ProblemException.class, () -> Documents.checkContent(SampleFiles.file(wrong)));
            assertEquals(DocumentProblems.UNSUPPORTED_TYPE, refused.type());
        }
    }

    @Test
    void anEmptyFileOrOneOverTenMebibytesIsRefusedBeforeItIsRead() throws Exception {
        var empty = assertThrows(InvalidFieldsException.class, () -> Documents.checkContent(SampleFiles.file(new byte[0])));
        assertEquals("document.empty", empty.fields().get(0).reasonKey());
        assertEquals("application/pdf", Documents.checkContent(SampleFiles.pdfOfSize(Documents.MAX_BYTES)));
        var large = assertThrows(ProblemException.class, () -> Documents.checkContent(SampleFiles.pdfOfSize(Documents.MAX_BYTES + 1)));
        assertEquals(DocumentProblems.TOO_LARGE, large.type());
    }

    @Test
    void aFileNameIsAPlainNameOfAtMost255Characters() {
        Path file = Path.of("spooled");
        for (String name : List.of("../../etc/passwd", "C:\\Users\\eloise\\assurance.pdf", "a/b.pdf", "a".repeat(300) + ".pdf", " ", "tab\there.pdf")) {
            var refused = assertThrows(InvalidFieldsException.class,
                    () -> Documents.checkForm(new Documents.Upload("HEALTH_INSURANCE", null, null, name, file)), name);
            assertEquals("file", refused.fields().get(0).field(), name);
        }
        Documents.checkForm(new Documents.Upload("HEALTH_INSURANCE", null, null, "Attestation d'assurance (2027) – Éloïse.pdf", file));
    }

    @Test
    void theValidityEndsOnOrAfterItStarts() {
        var refused = assertThrows(InvalidFieldsException.class, () -> Documents.checkForm(new Documents.Upload("HEALTH_INSURANCE",
                LocalDate.of(2027, 7, 1), LocalDate.of(2027, 6, 30), "a.pdf", Path.of("spooled"))));
        assertEquals("validUntil", refused.fields().get(0).field());
    }
}
