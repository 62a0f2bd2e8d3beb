package dev.keel.cli;

import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@code keel migrate} reports, printed by a {@link MigratePrinter} on a thread of its own, in the order the runner
 * reported it: the runner's thread goes on at once (its next message sequence to the server) while the lines of the
 * migrations just applied are written, where it used to write and flush each line (two writes per migration) while the
 * server waited. The lines are the same; they are flushed each time the thread has printed everything it was given, so
 * they appear as soon as before, a few together. {@link #close} waits until everything reported is printed and
 * flushed; the command calls it before it prints anything itself (the summary, the plan) and before an error
 * leaves the command, so the lines come in the same order as before.
 */
final class BackgroundPrinter implements MigrateListener, AutoCloseable {
    private final MigratePrinter printer;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    /** Set once {@link #close} has run: what is reported after it is printed at once, on the caller's thread. */
    private boolean closed;
    /** What printing threw, if anything: thrown by {@link #close}. */
    private volatile RuntimeException failure;

    /**
     * Prints what keel reported when the JVM is told to end (Ctrl-C, {@code SIGTERM}) before {@link #close}: the lines
     * of the migrations applied so far are not lost with the queue.
     */
    private final Thread atExit = new Thread(this::close, "keel-output-at-exit");

    /** Starts the thread that prints {@code printer}'s lines. */
    BackgroundPrinter(MigratePrinter printer) {
        this.printer = printer;
        printer.flushLater(true);
        thread = new Thread(this::print, "keel-output");
        thread.setDaemon(true);
        thread.start();
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    private void print() {
        while (true) {
            boolean any = false;
            for (Runnable r; (r = queue.poll()) != null; ) {
                any = true;
                try {
                    r.run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (any) {
                printer.flush();
            }
            if (closing && queue.isEmpty()) {
                return;
            }
            LockSupport.park(this);
        }
    }

    private synchronized void report(Runnable r) {
        if (closed) {
            r.run();
            return;
        }
        queue.add(r);
        LockSupport.unpark(thread);
    }

    @Override
    public void notice(String message) {
        report(() -> printer.notice(message));
    }

    @Override
    public void started(MigrationKey key, Action action) {
        report(() -> printer.started(key, action));
    }

    @Override
    public void finished(MigrationKey key, Action action, Duration took) {
        report(() -> printer.finished(key, action, took));
    }

    @Override
    public void log(MigrationKey key, String line) {
        report(() -> printer.log(key, line));
    }

    @Override
    public boolean progressBars() {
        return printer.progressBars();
    }

    @Override
    public void statement(MigrationKey key, String sql) {
        report(() -> printer.statement(key, sql));
    }

    @Override
    public void phase(String name, Duration took) {
        report(() -> printer.phase(name, took));
    }

    /**
     * Waits until everything reported is printed and flushed, and ends the thread; from then on, what is reported is
     * printed at once. Throws what printing threw, if anything. Closing again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the lines are printed all the same
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        printer.flushLater(false);
        if (Thread.currentThread() != atExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException exiting) {
                // the JVM is ending: the hook runs and finds everything printed
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
