package org.passerelle.mobility.documents.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.passerelle.mobility.documents.Document;
import org.passerelle.mobility.documents.DocumentContents;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A document's bytes on their way out, with the person they concern, so that the read is audited (MobilitiesRead). */
public record DocumentDownload(UUID personId, StreamingOutput content) implements StreamingOutput {

    /** The answer of a download: the bytes streamed, with their type, length and file name; ETag is the SHA-256. */
    static Response response(Document document, UUID personId, DocumentContents contents) {
        var body = new DocumentDownload(personId, out -> contents.copy(document.id, document.sizeBytes, out));
        return Response.ok(body, document.mediaType)
                .header("Content-Length", document.sizeBytes)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(document.fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .tag(document.sha256).build();
    }

    @Override
    public void write(OutputStream output) throws IOException {
        content.write(output);
    }
}
