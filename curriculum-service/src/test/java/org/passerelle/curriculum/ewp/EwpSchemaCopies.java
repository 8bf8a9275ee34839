package org.passerelle.curriculum.ewp;

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
import java.util.stream.IntStream;

/**
 * The official EWP and EMREX ELMO schemas kept under src/test/resources/ewp/schemas (their README names each
 * repository and tag), compiled with every schemaLocation answered from those copies: validating never reaches the
 * network.
 */
final class EwpSchemaCopies {

    private static final String FOLDER = "/ewp/schemas/";
    private static final String EWP = "https://raw.githubusercontent.com/erasmus-without-paper/";
    private static final String ELMO = "https://raw.githubusercontent.com/emrex-eu/elmo-schemas/v1/";
    private static final Map<String, String> COPIES = Map.of(
            EWP + "ewp-specs-architecture/stable-v1/common-types.xsd", "architecture-v1/common-types.xsd",
            EWP + "ewp-specs-types-address/stable-v1/schema.xsd", "types-address-v1/schema.xsd",
            ELMO + "schema.xsd", "elmo-v1/schema.xsd",
            ELMO + "references/xmldsig-core-schema.xsd", "elmo-v1/references/xmldsig-core-schema.xsd",
            ELMO + "references/EUROPASS_ISOCountries_V1.1.xsd", "elmo-v1/references/EUROPASS_ISOCountries_V1.1.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "w3c/xml.xsd");

    static final Schema TORS_GET = compile("imobility-tors-v2/get-response.xsd");
    static final Schema TORS_INDEX = compile("imobility-tors-v2/index-response.xsd");
    static final Schema ELMO_ALONE = compile("elmo-v1/schema.xsd");

    private EwpSchemaCopies() {
    }

    /** The schema's errors, each with its line (none when the document is valid). */
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

    static List<String> texts(Document doc, String name) {
        var nodes = doc.getElementsByTagNameNS("*", name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
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
            throw new IllegalStateException("the schema " + path + " does not compile", e);
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
