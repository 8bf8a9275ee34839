package org.passerelle.agreements.ewp;

import net.sf.saxon.TransformerFactoryImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The iia-hash of IIAs API v7, computed as the specification prescribes: its own XSLT (resources/xsltKit/
 * transform_version_7.xsl, kept unchanged under ewp/schemas/iias-v7) draws a text-to-hash from each iia of a get
 * response (both iia-ids, then every leaf of every cooperation condition but the contacts, then the first and
 * last academic year), and the hash is the SHA-256 of that text, in hexadecimal. The stylesheet is XSLT 2.0, so it
 * runs on Saxon-HE, the processor the specification names.
 *
 * <p>This is not Passerelle's own content hash (AgreementContent.hash), which names the content in approvals and
 * covers fields EWP does not carry; the two are different and both kept.
 */
public final class IiaHash {

    private static final Templates STYLESHEET = compile();

    private IiaHash() {
    }

    /** The text-to-hash of each iia of the document, in document order. */
    public static List<String> textsToHash(Document getResponse) {
        var result = new DOMResult();
        try {
            STYLESHEET.newTransformer().transform(new DOMSource(getResponse), result);
        } catch (TransformerException e) {
            throw new IllegalStateException("the IIA hash stylesheet failed: " + e.getMessage(), e);
        }
        Node output = result.getNode();
        Document out = output instanceof Document d ? d : output.getOwnerDocument();
        NodeList texts = out.getElementsByTagName("text-to-hash");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            found.add(texts.item(i).getTextContent());
        }
        return found;
    }

    /** Fills the iia-hash element of each iia of an iias-get-response built by {@link IiaXml#getResponse}. */
    public static void fill(Document getResponse) {
        List<String> texts = textsToHash(getResponse);
        NodeList hashes = getResponse.getElementsByTagNameNS(EwpSchemas.IIAS_GET_NS, "iia-hash");
        for (int i = 0; i < hashes.getLength(); i++) {
            ((Element) hashes.item(i)).setTextContent(sha256(texts.get(i)));
        }
    }

    public static String sha256(String text) {
        return sha256Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Bytes(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Templates compile() {
        try (InputStream xsl = EwpSchemas.open("iias-v7/transform_version_7.xsl")) {
            return new TransformerFactoryImpl().newTemplates(new StreamSource(xsl, "transform_version_7.xsl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the IIA hash stylesheet does not compile: " + e.getMessage(), e);
        }
    }
}
