package dev.keel.cli;

import dev.keel.runner.Database;
import dev.keel.runner.Migrator;

/**
 * keel's connection to the database, opened on a thread of its own while the main thread reads the migrations: the
 * connection's start (the driver's, the network's and the server's authentication) and the session's settings
 * ({@link Migrator#open}: several round trips) then cost no time of their own on a machine with a core to spare. What
 * {@link #take} gives, or throws, is what {@link Migrator#open} does; a session not taken ({@link #close} first, when
 * reading the migrations failed) is closed as soon as it is open.
 */
final class ConnectionAhead implements AutoCloseable {
    private final Thread thread;
    private Migrator.Session connection;
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
        Migrator.Session c = null;
        RuntimeException e = null;
        try {
            c = Migrator.open(database);
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

    /** The session, once open; throws what {@link Migrator#open} threw. */
    synchronized Migrator.Session take() {
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
        Migrator.Session c = connection;
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

    private static void closeQuietly(Migrator.Session c) {
        if (c != null) {
            c.close(); // nothing to keep from a connection nobody uses
        }
    }
}
