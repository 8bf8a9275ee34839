package org.passerelle.runtime.ewp;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/**
 * Writes an EWP response document element by element, in the document's namespace or the one last chosen with
 * {@link #in(String)}; an optional element whose value is null is left out. A thin layer over StAX so that the
 * mappings (agreements, mobilities, learning agreements, transcripts) read like the schemas they follow.
 */
public final class EwpXmlWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final XMLStreamWriter xml;
    private String namespace;

    /** Starts a document whose root element is {@code root} in {@code namespace}, declaring the other namespaces given as prefix and URI pairs. */
    public EwpXmlWriter(String namespace, String root, String... prefixAndNamespace) {
        this.namespace = namespace;
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(namespace);
            xml.writeStartElement(namespace, root);
            xml.writeDefaultNamespace(namespace);
            for (int i = 0; i < prefixAndNamespace.length; i += 2) {
                xml.setPrefix(prefixAndNamespace[i], prefixAndNamespace[i + 1]);
                xml.writeNamespace(prefixAndNamespace[i], prefixAndNamespace[i + 1]);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    /** The namespace of the elements written next. */
    public EwpXmlWriter in(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public EwpXmlWriter start(String name) {
        try {
            xml.writeStartElement(namespace, name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    public EwpXmlWriter attribute(String name, String value) {
        try {
            if (value != null) {
                xml.writeAttribute(name, value);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    public EwpXmlWriter text(String text) {
        try {
            xml.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    public EwpXmlWriter end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    /** A leaf element with its text; nothing when the value is null (an optional element left out). */
    public EwpXmlWriter element(String name, Object value) {
        return value == null ? this : start(name).text(value.toString()).end();
    }

    /** An empty element (EWP's ewp:Empty). */
    public EwpXmlWriter empty(String name) {
        return start(name).end();
    }

    /** A leaf element with a type attribute (ELMO's identifiers). */
    public EwpXmlWriter identifier(String type, Object value) {
        return value == null ? this : start("identifier").attribute("type", type).text(value.toString()).end();
    }

    public byte[] finish() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }
}
