package org.passerelle.agreements.ewp;

import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.Map;

/**
 * The official EWP schemas (src/main/resources/ewp/schemas, see its README), compiled once. Every import of the
 * schemas names a URL of the EWP repositories: it is answered from the local copy, and any other is refused, so
 * that validating never reaches the network.
 */
public final class EwpSchemas {

    private static final String FOLDER = "/ewp/schemas/";
    private static final String EWP = "https://raw.githubusercontent.com/erasmus-without-paper/";

    /** schemaLocation as the EWP schemas write it -> the copy under {@link #FOLDER}. */
    private static final Map<String, String> COPIES = Map.of(
            EWP + "ewp-specs-architecture/stable-v1/common-types.xsd", "architecture-v1/common-types.xsd",
            EWP + "ewp-specs-types-contact/stable-v1/schema.xsd", "types-contact-v1/schema.xsd",
            EWP + "ewp-specs-types-address/stable-v1/schema.xsd", "types-address-v1/schema.xsd",
            EWP + "ewp-specs-types-phonenumber/stable-v1/schema.xsd", "types-phonenumber-v1/schema.xsd",
            EWP + "ewp-specs-types-academic-term/stable-v1/schema.xsd", "types-academic-term-v1/schema.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "w3c/xml.xsd");

    /** IIAs API v7, get endpoint. */
    public static final String IIAS_GET_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";
    /** IIAs API v7, index endpoint. */
    public static final String IIAS_INDEX_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/index-response.xsd";

    private static final Schema IIAS_GET = compile("iias-v7/get-response.xsd");
    private static final Schema IIAS_INDEX = compile("iias-v7/index-response.xsd");

    private EwpSchemas() {
    }

    public static Schema iiasGet() {
        return IIAS_GET;
    }

    public static Schema iiasIndex() {
        return IIAS_INDEX;
    }

    /** The text of one of the copies (the XSLT of the IIA hash, say). */
    static InputStream open(String path) {
        InputStream in = EwpSchemas.class.getResourceAsStream(FOLDER + path);
        if (in == null) {
            throw new IllegalStateException("missing from the build: " + FOLDER + path);
        }
        return in;
    }

    private static Schema compile(String path) {
        try (InputStream in = open(path)) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the JDK checks the protocol of the schemaLocation as written (https) before the resolver answers it
            // from the class path (file: or jar:); the resolver refuses any location it has no copy of, so the
            // network is never reached
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,https,http");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(EwpSchemas::localCopy);
            return factory.newSchema(new StreamSource(in, EwpSchemas.class.getResource(FOLDER + path).toExternalForm()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("the EWP schema " + path + " does not compile: " + e.getMessage(), e);
        }
    }

    /** An LSResourceResolver: the copy of an imported schema, never the network. */
    private static LSInput localCopy(String type, String namespace, String publicId, String systemId, String baseUri) {
        String copy = COPIES.get(systemId);
        if (copy == null) {
            throw new IllegalStateException("no local copy of " + systemId + " (imported by " + baseUri + ")");
        }
        return input(copy);
    }

    /** A schema document read from the class path, named by its place there. */
    private static LSInput input(String copy) {
        try {
            var ls = (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
            LSInput input = ls.createLSInput();
            input.setByteStream(open(copy));
            input.setSystemId(EwpSchemas.class.getResource(FOLDER + copy).toExternalForm());
            return input;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
