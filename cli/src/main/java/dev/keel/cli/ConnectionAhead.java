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
    /** The database connected to, once known (null when {@link #resolving} found none); {@code resolved} says known. */
    private Database database;
    private boolean resolved;
    private Migrator.Session connection;
    private RuntimeException failure;
    private boolean done;
    private boolean abandoned;

    private ConnectionAhead(java.util.function.Supplier<Target> target) {
        thread = new Thread(() -> open(target), "keel-connect");
        thread.setDaemon(true);
    }

    /**
     * The database to connect to, and what to do as soon as connected: with {@code migrate}, the {@code keel migrate}
     * that will run on the session starts there ({@link Migrator.Session#sendAhead}: the lock, the history, and
     * {@code first} sent when it is the history's next; null, or a supplier of null: none). {@code first} is asked
     * for once connected, so that it may be read meanwhile.
     */
    record Target(Database database, boolean migrate, java.util.function.Supplier<dev.keel.runner.FirstSent> first) {}

    /** Starts opening a connection to {@code database}. */
    static ConnectionAhead start(Database database) {
        return resolving(() -> new Target(database, false, null));
    }

    /**
     * Starts finding the database, on the connection's thread, then opening a connection to it; when {@code target}
     * gives null or throws, nothing is opened, and {@link #isFor} says no.
     */
    static ConnectionAhead resolving(java.util.function.Supplier<Target> target) {
        var ahead = new ConnectionAhead(target);
        ahead.thread.start();
        return ahead;
    }

    private void open(java.util.function.Supplier<Target> find) {
        Target t;
        try {
            t = find.get();
        } catch (RuntimeException ignored) {
            t = null; // the command reports it where it finds the database itself
        }
        Database d = t == null ? null : t.database();
        synchronized (this) {
            database = d;
            resolved = true;
            notifyAll();
            if (d == null || abandoned) {
                done = true;
                return;
            }
        }
        Migrator.Session c = null;
        RuntimeException e = null;
        try {
            c = Migrator.open(d);
            if (t.migrate()) {
                c.sendAhead(t.first() == null ? null : t.first().get());
            }
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

    /**
     * Whether this connects to {@code wanted} exactly as a connection opened for it would ({@link Database#connectsAs}):
     * waits until the database is known (keel.json read), not for the connection.
     */
    synchronized boolean isFor(Database wanted) {
        while (!resolved) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return database != null && database.connectsAs(wanted);
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
