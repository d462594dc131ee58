package org.gridfleet.aggregator.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.gridfleet.aggregator.http.GridfleetException;

/**
 * Runs JDBC work off the event loop, each unit in one transaction: it commits on success and rolls
 * back on any exception, so a rejected request leaves no partial write.
 */
public final class Jdbc {

    /** One unit of JDBC work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Vertx vertx;
    private final DataSource dataSource;

    public Jdbc(Vertx vertx, DataSource dataSource) {
        this.vertx = vertx;
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a transaction on a worker thread. */
    public <T> Future<T> tx(Work<T> work) {
        return vertx.executeBlocking(() -> inTransaction(dataSource, work), false);
    }

    /** Runs {@code work} in a transaction on the calling thread (never call from an event loop). */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw GridfleetException.conflict("a resource with the same identifier already exists");
            }
            throw GridfleetException.unavailable("database error: " + e.getMessage(), e);
        }
    }
}
