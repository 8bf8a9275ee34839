package org.passerelle.mobility.ewp;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/**
 * Writes an EWP response document in one default namespace, element by element; an optional element whose value
 * is null is left out. A thin layer over StAX so that the mappings read like the schema they follow.
 */
final class EwpXmlWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final XMLStreamWriter xml;
    private final String namespace;

    /** Starts a document whose root element is {@code root} in {@code namespace}, declaring the extra prefixes given as pairs. */
    EwpXmlWriter(String namespace, String root, String... prefixAndNamespace) {
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

    /** Opens an element of the document's namespace; close it with {@link #end()}. */
    EwpXmlWriter start(String name) {
        try {
            xml.writeStartElement(namespace, name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    EwpXmlWriter attribute(String name, String value) {
        try {
            if (value != null) {
                xml.writeAttribute(name, value);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    EwpXmlWriter text(String text) {
        try {
            xml.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    EwpXmlWriter end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML in memory", e);
        }
    }

    /** A leaf element with its text; nothing when the value is null (an optional element left out). */
    EwpXmlWriter element(String name, Object value) {
        return value == null ? this : start(name).text(value.toString()).end();
    }

    /** An empty element (EWP's ewp:Empty). */
    EwpXmlWriter empty(String name) {
        return start(name).end();
    }

    /** Ends the root element and the document. */
    byte[] finish() {
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
