package org.smolny.record.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * A small bounded pool of JDBC connections for Jdbi: at most {@code limit} open at once, idle ones reused.
 * Thread-safe.
 */
public final class ConnectionPool implements ConnectionFactory, AutoCloseable {

    private final DataSource dataSource;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private volatile boolean closed;

    public ConnectionPool(DataSource dataSource, int limit) {
        this.dataSource = dataSource;
        this.idle = new ArrayBlockingQueue<>(limit);
        this.permits = new Semaphore(limit);
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the record store is closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            if (closed || connection.isClosed() || !connection.getAutoCommit() || !idle.offer(connection)) {
                connection.close();
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing more to do with a connection that fails to close
            }
        }
    }
}
