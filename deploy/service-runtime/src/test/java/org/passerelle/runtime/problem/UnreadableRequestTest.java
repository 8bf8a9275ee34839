package org.passerelle.runtime.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A multipart body the REST layer cannot parse (400) and a Content-Type it cannot parse (415) are the request's fault,
 * not the server's (500).
 */
class UnreadableRequestTest {

    @Test
    void anIOExceptionOfTheFormParserIsAnUnreadableBody() {
        var cutShort = thrownBy("org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$MultiPartUploadHandler");
        assertTrue(ProblemMappers.unreadableForm(cutShort));
        assertTrue(ProblemMappers.unreadableForm(thrownBy("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")));
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(ProblemMappers.unreadableForm(thrownBy("org.passerelle.mobility.documents.DocumentContents")));
        var notIo = new IllegalStateException("x");
        notIo.setStackTrace(thrownBy("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler").getStackTrace());
        assertFalse(ProblemMappers.unreadableForm(notIo));
    }

    @Test
    void aContentTypeTheRestLayerCannotParseIsUnsupported() {
        var garbage = new IllegalArgumentException("Failed to parse media type garbage");
        garbage.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate", "internalParse", "X.java", 77)});
        assertTrue(ProblemMappers.unreadableMediaType(garbage));
        assertFalse(ProblemMappers.unreadableMediaType(new IllegalArgumentException("Failed to parse media type garbage")));
    }

    private static IOException thrownBy(String className) {
        var e = new IOException("Connection terminated parsing multipart request");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "parseBlocking", "X.java", 1)});
        return e;
    }
}
