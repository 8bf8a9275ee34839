package org.passerelle.mobility.documents;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The bytes of documents, in PostgreSQL (document_content), in parts of 1 MiB: an upload is written and a download
 * read one part at a time, so that a 10 MiB document never sits whole in memory.
 */
@ApplicationScoped
public class DocumentContents {

    static final int PART_BYTES = 1024 * 1024;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** Writes the content in the caller's transaction. */
    public void write(UUID documentId, InputStream content) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("insert into document_content (document_id, part, bytes) values (?, ?, ?)")) {
                byte[] buffer = new byte[PART_BYTES];
                int part = 0;
                int read;
                while ((read = content.readNBytes(buffer, 0, PART_BYTES)) > 0) {
                    insert.setObject(1, documentId);
                    insert.setInt(2, part++);
                    insert.setBinaryStream(3, new java.io.ByteArrayInputStream(buffer, 0, read), read);
                    insert.executeUpdate();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Copies the content to {@code out}, part after part, each read in a query of its own (outside any transaction). */
    public void copy(UUID documentId, long sizeBytes, OutputStream out) throws IOException {
        int parts = (int) ((sizeBytes + PART_BYTES - 1) / PART_BYTES);
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("select bytes from document_content where document_id = ? and part = ?")) {
            for (int part = 0; part < parts; part++) {
                select.setObject(1, documentId);
                select.setInt(2, part);
                try (var row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IOException("part " + part + " of document " + documentId + " is missing");
                    }
                    out.write(row.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Erases the content of a document (its metadata stays). */
    public void erase(UUID documentId) {
        entityManager.createNativeQuery("delete from document_content where document_id = ?1").setParameter(1, documentId).executeUpdate();
    }
}
