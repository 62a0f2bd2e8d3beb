package dev.keel.cli;

import dev.keel.runner.Database;
import dev.keel.runner.FirstSent;
import dev.keel.runner.Migrator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    /** Counted down once the first migration was sent ahead, or is known not to be: see {@link #awaitFirstSend}. */
    private final CountDownLatch firstSendDecided = new CountDownLatch(1);

    private ConnectionAhead(java.util.function.Supplier<Target> target) {
        thread = new Thread(() -> open(target), "keel-connect");
        thread.setDaemon(true);
    }

    /**
     * The database to connect to, and what to do as soon as connected: with {@code migrate}, the {@code keel migrate}
     * that will run on the session starts there ({@link Migrator.Session#sendAhead}: the lock, the history, and
     * {@code first} sent when it is the history's next; null, or completed with null: none). {@code first} is waited
     * for once connected, so that it may be read meanwhile.
     */
    record Target(Database database, boolean migrate, CompletableFuture<FirstSent> first) {}

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
        if (t == null || !t.migrate() || t.first() == null) {
            firstSendDecided.countDown();
        } else {
            t.first().thenAccept(f -> {
                if (f == null) {
                    firstSendDecided.countDown(); // nothing kept to send
                }
            });
        }
        synchronized (this) {
            database = d;
            resolved = true;
            notifyAll();
            if (d == null || abandoned) {
                done = true;
                firstSendDecided.countDown();
                return;
            }
        }
        Migrator.Session c = null;
        RuntimeException e = null;
        try {
            c = Migrator.open(d);
            if (t.migrate()) {
                c.sendAhead(t.first() == null ? null : t.first().join());
            }
        } catch (RuntimeException caught) {
            e = caught;
        } finally {
            firstSendDecided.countDown();
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

    /**
     * Waits, at most {@code max}, until the first migration kept from the last run was sent ahead on this connection,
     * or is known not to be (none kept, no connection, another command): what the main thread does when the processors
     * are few ({@link #yieldsProcessors}), so that the connection's start, the driver's and the first migration's way to
     * the server have them to themselves. The main thread's own work (the command line, the migrations read, the plan)
     * waits meanwhile, and is then done while the server runs that first migration, which takes longer. Returns at
     * once when interrupted (the interrupt kept).
     */
    void awaitFirstSend(java.time.Duration max) {
        try {
            firstSendDecided.await(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the main thread waits for the first migration's early send ({@link #awaitFirstSend}): on fewer than four
     * processors, where it would take one from the connection's thread and the driver's set-up. On 2 processors,
     * migrate 200/1000 sent its first migration 80-90 ms sooner (main to send: 230-270 ms instead of 300-360).
     */
    static boolean yieldsProcessors(int processors) {
        return processors < 4;
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
