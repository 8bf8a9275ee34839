package org.passerelle.runtime.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Who is handling the request of an Idempotency-Key right now. The holder takes a PostgreSQL session advisory lock on
 * a connection of its own, outside the request's transactions (pool {@code idempotency-keys}), and keeps it until its
 * answer is stored. The lock lives as long as that connection: when the holder's process dies, PostgreSQL ends the
 * connection and the lock with it, so a retry knows at once that nobody handles the key any more.
 */
@ApplicationScoped
class KeyLocks {

    private static final Logger LOG = Logger.getLogger(KeyLocks.class);

    @Inject
    @DataSource("idempotency-keys")
    AgroalDataSource dataSource;

    /** The key's lock if no one else holds it; {@link KeyLock#held()} says whether this request got it. */
    KeyLock tryTake(String caller, String key) {
        long id = lockId(caller, key);
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, id);
                try (var result = statement.executeQuery()) {
                    result.next();
                    return new KeyLock(connection, id, result.getBoolean(1));
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the Idempotency-Key: " + e.getMessage(), e);
        }
    }

    /** 64 bits of SHA-256 of caller and key: distinct keys of the database share a lock only by a 2^-64 chance. */
    static long lockId(String caller, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A key's lock, or the failed attempt at it; closing gives the lock back and the connection to the pool. */
    static final class KeyLock implements AutoCloseable {

        private final Connection connection;
        private final long id;
        private final boolean held;

        private KeyLock(Connection connection, long id, boolean held) {
            this.connection = connection;
            this.id = id;
            this.held = held;
        }

        boolean held() {
            return held;
        }

        @Override
        public void close() {
            if (held) {
                try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    statement.setLong(1, id);
                    statement.execute();
                } catch (SQLException e) {
                    // a connection that broke took its lock with it; one still open must not go back to the pool locked
                    LOG.warnf("Could not release an Idempotency-Key lock, dropping its connection: %s", e.getMessage());
                    abort(connection);
                    return;
                }
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Connection already gone: %s", e.getMessage());
            }
        }

        private static void abort(Connection connection) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Connection already gone: %s", e.getMessage());
            }
        }
    }
}
