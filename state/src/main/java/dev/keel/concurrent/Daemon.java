package dev.keel.concurrent;

import java.util.concurrent.Executor;

/**
 * keel's background threads: each named (for {@code jstack} and {@code keel -v 3}'s thread names) and a daemon, so that
 * work started ahead and no longer wanted (a fingerprint, a connection, a decode) never keeps the JVM from exiting.
 */
public final class Daemon {
    private Daemon() {}

    /** Starts {@code work} on a daemon thread called {@code name}, and returns that thread. */
    public static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** An executor running each task on a daemon thread of its own called {@code name}: for {@code CompletableFuture.supplyAsync}. */
    public static Executor named(String name) {
        return work -> start(name, work);
    }
}
