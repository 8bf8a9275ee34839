package org.passerelle.mobility.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small files as students hand them in, and the wrong ones a check must refuse. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xDE};
    }

    /** A Windows executable (MZ header), as if renamed insurance.pdf. */
    public static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** Text named .pdf: not a PDF. */
    public static byte[] notAPdf() {
        return "Attestation d'assurance : ceci n'est pas un PDF.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A PDF of exactly {@code bytes} bytes, written to a temporary file without holding it in memory. */
    public static Path pdfOfSize(long bytes) throws IOException {
        Path file = Files.createTempFile("document", ".pdf");
        file.toFile().deleteOnExit();
        byte[] head = pdf("large");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            byte[] filler = new byte[64 * 1024];
            java.util.Arrays.fill(filler, (byte) ' ');
            long left = bytes - head.length;
            while (left > 0) {
                int n = (int) Math.min(filler.length, left);
                out.write(filler, 0, n);
                left -= n;
            }
        }
        return file;
    }

    public static Path file(byte[] content) throws IOException {
        Path file = Files.createTempFile("document", ".bin");
        file.toFile().deleteOnExit();
        Files.write(file, content);
        return file;
    }
}
