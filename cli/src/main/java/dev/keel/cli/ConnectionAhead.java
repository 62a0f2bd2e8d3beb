package dev.keel.cli;

import dev.keel.runner.Database;
import dev.keel.runner.Migrator;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * keel's connection to the database, opened on a thread of its own while the main thread reads the migrations: the
 * connection's start (the driver's, the network's and the server's authentication) then costs no time of its own on
 * a machine with a core to spare. What {@link #take} gives, or throws, is what {@link Database#connect} does; a
 * connection not taken ({@link #close} first, when reading the migrations failed) is closed as soon as it is open.
 */
final class ConnectionAhead implements AutoCloseable {
    private final Thread thread;
    private Connection connection;
    private RuntimeException failure;
    private boolean done;
    private boolean abandoned;

    private ConnectionAhead(Database database) {
        thread = new Thread(() -> open(database), "keel-connect");
        thread.setDaemon(true);
    }

    /** Starts opening a connection to {@code database}. */
    static ConnectionAhead start(Database database) {
        var ahead = new ConnectionAhead(database);
        ahead.thread.start();
        return ahead;
    }

    private void open(Database database) {
        Connection c = null;
        RuntimeException e = null;
        try {
            c = database.connect(Migrator.APPLICATION_NAME);
        } catch (RuntimeException caught) {
            e = caught;
        }
        synchronized (this) {
            if (abandoned) {
                closeQuietly(c);
                return;
            }
            connection = c;
            failure = e;
            done = true;
            notifyAll();
        }
    }

    /** The connection, once open; throws what {@link Database#connect} threw. */
    synchronized Connection take() {
        while (!done) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned = true;
                throw new dev.keel.error.KeelException(dev.keel.error.ErrorKind.DATABASE,
                        "interrupted while connecting to the database.\nTo fix: run the command again.", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        Connection c = connection;
        connection = null;
        return c;
    }

    /** Closes the connection unless it was taken (now, or as soon as it is open). */
    @Override
    public synchronized void close() {
        abandoned = true;
        closeQuietly(connection);
        connection = null;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to keep from a connection nobody uses
            }
        }
    }
}
