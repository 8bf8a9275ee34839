package org.passerelle.mobility;

import org.passerelle.devstack.PostgresNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row lock the test holds from its own connection where the service must stop, as a breakpoint without hooks in
 * production code: the service waits on the row, the test looks at what is committed, then lets go (or kills it).
 */
public final class DatabaseBreakpoint implements AutoCloseable {

    private final Connection connection;

    private DatabaseBreakpoint(Connection connection) {
        this.connection = connection;
    }

    /** Stops the next nomination of the condition and year where it takes its quota place, before it commits. */
    public static DatabaseBreakpoint atQuota(String jdbcUrl, UUID conditionId, String academicYear) throws SQLException {
        var breakpoint = open(jdbcUrl);
        try (var row = breakpoint.connection.prepareStatement("""
                insert into quota_usage (condition_id, academic_year, used) values (?, ?, 0) on conflict do nothing""")) {
            row.setObject(1, conditionId);
            row.setString(2, academicYear);
            row.executeUpdate();
            breakpoint.connection.commit();
        }
        return breakpoint.lock("select used from quota_usage where condition_id = ? and academic_year = ? for update",
                conditionId, academicYear);
    }

    /** Stops a request under this Idempotency-Key where it stores its answer, after its creation. */
    public static DatabaseBreakpoint atAnswer(String jdbcUrl, String idempotencyKey) throws SQLException {
        return open(jdbcUrl).lock("select status from idempotent_creation where idempotency_key = ? for update", idempotencyKey);
    }

    private static DatabaseBreakpoint open(String jdbcUrl) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, PostgresNode.USER, PostgresNode.PASSWORD);
        connection.setAutoCommit(false);
        return new DatabaseBreakpoint(connection);
    }

    private DatabaseBreakpoint lock(String select, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(select)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                assertTrue(result.next(), "nothing to lock: " + select);
            }
        }
        return this;
    }

    /** Waits until a connection of the service waits for this lock. */
    public void awaitBlocked() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!blocksSomeone()) {
            assertTrue(System.nanoTime() < deadline, "the service never reached the breakpoint");
            Thread.sleep(50);
        }
    }

    private boolean blocksSomeone() throws SQLException {
        try (var statement = connection.prepareStatement(
                "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))");
             var result = statement.executeQuery()) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    /** Lets the service go on; once is enough. */
    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (connection) {
            connection.rollback();
        }
    }
}
