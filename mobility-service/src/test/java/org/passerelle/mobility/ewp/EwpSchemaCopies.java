package org.passerelle.mobility.ewp;

import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The official EWP schemas kept under src/test/resources/ewp/schemas (their README names each repository and tag),
 * compiled with every schemaLocation answered from those copies: validating never reaches the network.
 */
final class EwpSchemaCopies {

    private static final String FOLDER = "/ewp/schemas/";
    private static final String EWP = "https://raw.githubusercontent.com/erasmus-without-paper/";
    private static final Map<String, String> COPIES = Map.of(
            EWP + "ewp-specs-architecture/stable-v1/common-types.xsd", "architecture-v1/common-types.xsd",
            EWP + "ewp-specs-types-address/stable-v1/schema.xsd", "types-address-v1/schema.xsd",
            EWP + "ewp-specs-types-phonenumber/stable-v1/schema.xsd", "types-phonenumber-v1/schema.xsd",
            EWP + "ewp-specs-types-academic-term/stable-v1/schema.xsd", "types-academic-term-v1/schema.xsd",
            EWP + "ewp-specs-types-academic-term/stable-v2/schema.xsd", "types-academic-term-v2/schema.xsd",
            EWP + "ewp-specs-api-courses/master/response.xsd", "courses/response.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "w3c/xml.xsd");

    static final Schema OMOBILITIES_GET = compile("omobilities-v2/get-response.xsd");
    static final Schema OMOBILITIES_INDEX = compile("omobilities-v2/index-response.xsd");
    static final Schema LAS_GET = compile("omobility-las-v1/get-response.xsd");
    static final Schema LAS_INDEX = compile("omobility-las-v1/index-response.xsd");

    private EwpSchemaCopies() {
    }

    /** The document, parsed; the schema's errors, each with its line (none when it is valid). */
    static List<String> errors(byte[] xml, Schema schema) {
        List<String> errors = new ArrayList<>();
        try {
            var validator = schema.newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {
                }

                public void error(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                public void fatalError(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] example(String name) throws Exception {
        try (InputStream in = EwpSchemaCopies.class.getResourceAsStream("/ewp/examples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Schema compile(String path) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,https,http");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String copy = COPIES.get(systemId);
                if (copy == null) {
                    throw new IllegalStateException("no local copy of " + systemId + " (imported by " + baseUri + ")");
                }
                return input(copy);
            });
            return factory.newSchema(new StreamSource(open(path), EwpSchemaCopies.class.getResource(FOLDER + path).toExternalForm()));
        } catch (Exception e) {
            throw new IllegalStateException("the EWP schema " + path + " does not compile", e);
        }
    }

    private static LSInput input(String copy) {
        try {
            var ls = (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
            LSInput input = ls.createLSInput();
            input.setByteStream(open(copy));
            input.setSystemId(EwpSchemaCopies.class.getResource(FOLDER + copy).toExternalForm());
            return input;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String path) {
        return EwpSchemaCopies.class.getResourceAsStream(FOLDER + path);
    }
}
