package org.passerelle.agreements.ewp;

import org.passerelle.agreements.ewp.Iia.Kind;
import org.passerelle.agreements.ewp.Iia.LanguageSkill;
import org.passerelle.agreements.ewp.Iia.Partner;
import org.passerelle.agreements.ewp.Iia.Spec;
import org.passerelle.agreements.ewp.Iia.SubjectArea;
import org.passerelle.runtime.problem.Problem;
import org.passerelle.runtime.problem.ProblemException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * IIAs API v7 responses in XML: written from {@link Iia} (get and index responses) and read back, safely, from a
 * file someone sends. Reading refuses any DOCTYPE (so no entity can expand, and no external file or URL is read)
 * and validates against the official schema before anything is mapped.
 */
public final class IiaXml {

    static final String CONTACT_NS = "https://github.com/erasmus-without-paper/ewp-specs-types-contact/tree/stable-v1";
    /** Enough to correct a file; a file with more errors is answered with the first ones. */
    static final int MAX_ERRORS = 50;

    private IiaXml() {
    }

    // ---- writing ----

    /** An iias-get-response document with these IIAs; their hashes are filled by {@link IiaHash}. */
    public static Document getResponse(List<Iia> iias) {
        Document doc = newBuilder(null).newDocument();
        Element root = doc.createElementNS(EwpSchemas.IIAS_GET_NS, "iias-get-response");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:c", CONTACT_NS);
        doc.appendChild(root);
        for (Iia iia : iias) {
            root.appendChild(iia(doc, iia));
        }
        return doc;
    }

    /** An iias-index-response naming these IIA ids. */
    public static byte[] indexResponse(List<String> iiaIds) {
        Document doc = newBuilder(null).newDocument();
        Element root = doc.createElementNS(EwpSchemas.IIAS_INDEX_NS, "iias-index-response");
        doc.appendChild(root);
        iiaIds.forEach(id -> add(root, "iia-id", id));
        return serialize(doc);
    }

    private static Element iia(Document doc, Iia iia) {
        Element element = doc.createElementNS(EwpSchemas.IIAS_GET_NS, "iia");
        for (Partner partner : iia.partners()) {
            Element p = add(element, "partner", null);
            add(p, "hei-id", partner.heiId());
            add(p, "ounit-id", partner.ounitId());
            add(p, "iia-id", partner.iiaId());
            add(p, "iia-code", partner.iiaCode());
            add(p, "signing-date", partner.signingDate() == null ? null : partner.signingDate().toString());
        }
        add(element, "in-effect", Boolean.toString(iia.inEffect()));
        Element conditions = add(element, "cooperation-conditions", null);
        for (Spec spec : iia.conditions()) {
            conditions.appendChild(spec(doc, spec));
        }
        // computed over the document as written: a placeholder until IiaHash.fill
        add(element, "iia-hash", iia.iiaHash() == null ? "0".repeat(64) : iia.iiaHash());
        return element;
    }

    private static Element spec(Document doc, Spec spec) {
        Element s = doc.createElementNS(EwpSchemas.IIAS_GET_NS, spec.kind().element);
        add(s, "sending-hei-id", spec.sendingHeiId());
        add(s, "sending-ounit-id", spec.sendingOunitId());
        add(s, "receiving-hei-id", spec.receivingHeiId());
        add(s, "receiving-ounit-id", spec.receivingOunitId());
        add(s, "receiving-first-academic-year-id", spec.firstAcademicYear());
        add(s, "receiving-last-academic-year-id", spec.lastAcademicYear());
        add(s, "mobilities-per-year", Integer.toString(spec.mobilitiesPerYear()));
        for (LanguageSkill skill : spec.languageSkills()) {
            Element l = add(s, "recommended-language-skill", null);
            add(l, "language", skill.language());
            add(l, "cefr-level", skill.cefrLevel());
        }
        for (SubjectArea area : spec.subjectAreas()) {
            Element a = add(s, "subject-area", null);
            add(a, "isced-f-code", area.iscedCode());
            add(a, "isced-clarification", area.clarification());
        }
        add(s, "other-info-terms", spec.otherInfoTerms());
        if (spec.kind().isStudent()) {
            add(s, "total-months-per-year", plain(spec.totalMonthsPerYear()));
            add(s, "blended", Boolean.toString(Boolean.TRUE.equals(spec.blended())));
            spec.eqfLevels().forEach(level -> add(s, "eqf-level", level.toString()));
        } else {
            add(s, "total-days-per-year", plain(spec.totalDaysPerYear()));
        }
        return s;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** Appends a child in the parent's namespace; a null text adds nothing (an optional element left out). */
    private static Element add(Element parent, String name, String text) {
        if (text == null && !isContainer(name)) {
            return null;
        }
        Element child = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        if (text != null) {
            child.setTextContent(text);
        }
        parent.appendChild(child);
        return child;
    }

    private static boolean isContainer(String name) {
        return name.equals("partner") || name.equals("cooperation-conditions") || name.equals("recommended-language-skill")
                || name.equals("subject-area");
    }

    public static byte[] serialize(Document doc) {
        try {
            // the JDK's own transformer: Saxon, on the class path for the IIA hash, would otherwise be the default
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            var out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("an XML document in memory could not be written", e);
        }
    }

    // ---- reading ----

    /**
     * The IIAs of an iias-get-response file, once it is well-formed, free of DOCTYPE and valid against the v7
     * schema; otherwise a problem naming each error by line and column.
     */
    public static List<Iia> readGetResponse(byte[] file) {
        Document doc = parse(file, EwpSchemas.iiasGet());
        List<Iia> iias = new ArrayList<>();
        for (Element iia : children(doc.getDocumentElement(), "iia")) {
            iias.add(readIia(iia));
        }
        return iias;
    }

    /** Parses and validates; public for the tests, which validate every export with it. */
    public static Document parse(byte[] file, Schema schema) {
        var errors = new Errors();
        Document doc;
        try {
            DocumentBuilder builder = newBuilder(schema);
            builder.setErrorHandler(errors);
            doc = builder.parse(new ByteArrayInputStream(file));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("disallow-doctype-decl")) {
                throw new ProblemException(EwpProblems.DOCTYPE);
            }
            errors.add(e);
            throw errors.refusal();
        } catch (SAXException e) {
            throw new ProblemException(EwpProblems.INVALID_XML, List.of(new Problem.FieldError("$", e.getMessage())), 1);
        } catch (IOException e) {
            throw new IllegalStateException("reading a file held in memory", e);
        }
        if (!errors.found.isEmpty()) {
            throw errors.refusal();
        }
        return doc;
    }

    /** The schema's errors, each at its line and column. */
    private static final class Errors implements ErrorHandler {
        final List<Problem.FieldError> found = new ArrayList<>();
        int count;

        void add(SAXParseException e) {
            count++;
            if (found.size() < MAX_ERRORS) {
                found.add(new Problem.FieldError("line " + e.getLineNumber() + ", column " + e.getColumnNumber(), e.getMessage()));
            }
        }

        ProblemException refusal() {
            return new ProblemException(EwpProblems.INVALID_XML, found, count);
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a file invalid
        }

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /**
     * A namespace-aware parser that reads no DTD (a DOCTYPE is a fatal error: no entity bomb, no external
     * entity), no external schema or stylesheet, and no XInclude; validating against {@code schema} when given.
     */
    private static DocumentBuilder newBuilder(Schema schema) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setIgnoringComments(true);
            if (schema != null) {
                factory.setSchema(schema);
            }
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
    }

    private static Iia readIia(Element iia) {
        List<Partner> partners = children(iia, "partner").stream().map(p -> new Partner(text(p, "hei-id"), text(p, "ounit-id"),
                text(p, "iia-id"), text(p, "iia-code"), date(text(p, "signing-date")),
                children(p, "signing-contact").size() + childrenNs(p, CONTACT_NS, "contact").size())).toList();
        Element conditions = children(iia, "cooperation-conditions").get(0);
        List<Spec> specs = new ArrayList<>();
        for (Element spec : elements(conditions)) {
            specs.add(readSpec(spec));
        }
        boolean terminated = "true".equals(conditions.getAttribute("terminated-as-a-whole"))
                || "1".equals(conditions.getAttribute("terminated-as-a-whole"));
        return new Iia(partners, Boolean.parseBoolean(text(iia, "in-effect").trim()) || "1".equals(text(iia, "in-effect").trim()),
                specs, text(iia, "iia-hash"), terminated);
    }

    private static Spec readSpec(Element s) {
        Kind kind = Kind.ofElement(s.getLocalName());
        List<LanguageSkill> skills = children(s, "recommended-language-skill").stream()
                .map(l -> new LanguageSkill(text(l, "language"), text(l, "cefr-level"))).toList();
        List<SubjectArea> areas = children(s, "subject-area").stream()
                .map(a -> new SubjectArea(text(a, "isced-f-code"), text(a, "isced-clarification"))).toList();
        String blended = text(s, "blended");
        return new Spec(kind, text(s, "sending-hei-id"), text(s, "sending-ounit-id"), text(s, "receiving-hei-id"),
                text(s, "receiving-ounit-id"), text(s, "receiving-first-academic-year-id"),
                text(s, "receiving-last-academic-year-id"), saturated(text(s, "mobilities-per-year")),
                skills, areas, text(s, "other-info-terms"), decimal(text(s, "total-months-per-year")),
                blended == null ? null : "true".equals(blended.trim()) || "1".equals(blended.trim()),
                children(s, "eqf-level").stream().map(e -> Integer.parseInt(e.getTextContent().trim())).toList(),
                decimal(text(s, "total-days-per-year")),
                children(s, "sending-contact").size() + children(s, "receiving-contact").size());
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> children(Element parent, String name) {
        return childrenNs(parent, parent.getNamespaceURI(), name);
    }

    private static List<Element> childrenNs(Element parent, String namespace, String name) {
        return elements(parent).stream().filter(e -> name.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())).toList();
    }

    /** The text of the first child of that name, trimmed, or null without one. */
    private static String text(Element parent, String name) {
        var found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    private static LocalDate date(String text) {
        // xs:date may carry a time zone (2024-05-01Z); the day is what counts
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    /** xs:positiveInteger has no bound; past int's range the mapping refuses it as over its own limit. */
    private static int saturated(String text) {
        var value = new java.math.BigInteger(text.trim());
        return value.bitLength() < 32 ? value.intValue() : Integer.MAX_VALUE;
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
