package org.passerelle.mobility.documents.api;

import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/** A document's bytes on their way out, with the person they concern, so that the read is audited (MobilitiesRead). */
public record DocumentDownload(UUID personId, StreamingOutput content) implements StreamingOutput {

    @Override
    public void write(OutputStream output) throws IOException {
        content.write(output);
    }
}
