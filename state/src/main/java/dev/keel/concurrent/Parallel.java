package dev.keel.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * keel's parallel work (reading migration files, hashing and parsing entity sources): one pool of as
 * many threads as there are processors, shared by every caller.
 *
 * <p>Not parallel streams: {@code makemigrations} reads the migrations while the entity scan runs on
 * another thread, and a thread that is not a worker of the common fork-join pool, waiting for a
 * parallel stream while the pool's workers are busy with another one, spins instead of sleeping (on two
 * cores, half a second of processor time in a cold {@code makemigrations --check} of 6000 files). Here a
 * caller sleeps until its items are done, and the pool's threads take items one at a time, so that one
 * large file does not hold up a whole slice of others.
 *
 * <p>The items of every caller wait in one place, and a thread of the pool takes each time the next item of the
 * first caller that has any left, those within {@link #first} before the others: work on the critical path (the
 * entity scan's parse, which the mapping waits for, and the mapping's for the check) is not queued behind a
 * longer job that started a moment earlier (reading 5000 migrations), whichever was asked for first.
 */
public final class Parallel {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "keel-worker");
        t.setDaemon(true);
        return t;
    });

    /** The jobs with items left to take: those of {@link #first} callers, and the others, each in the order asked. */
    private static final ArrayDeque<Job<?, ?>> URGENT = new ArrayDeque<>();
    private static final ArrayDeque<Job<?, ?>> OTHERS = new ArrayDeque<>();

    /** Whether this thread's jobs go before the others ({@link #first}). */
    private static final ThreadLocal<Boolean> FIRST = ThreadLocal.withInitial(() -> false);

    private Parallel() {}

    /**
     * Runs {@code work} on this thread, its {@link #map} items taken by the pool before those of callers outside
     * {@code first} (still in order among themselves): for the work the others will wait for.
     */
    public static <T> T first(Supplier<T> work) {
        boolean was = FIRST.get();
        FIRST.set(true);
        try {
            return work.get();
        } finally {
            FIRST.set(was);
        }
    }

    /**
     * {@code fn} of each item, in the items' order, computed on the pool's threads. What {@code fn}
     * throws is rethrown here (the first failure; the other items may or may not have been computed).
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) {
        int n = items.size();
        if (n < 2 || THREADS == 1) {
            var result = new ArrayList<R>(n);
            items.forEach(i -> result.add(fn.apply(i)));
            return Collections.unmodifiableList(result);
        }
        var job = new Job<T, R>(items, fn);
        boolean urgent = FIRST.get();
        synchronized (URGENT) {
            (urgent ? URGENT : OTHERS).addLast(job);
        }
        for (int t = 0; t < Math.min(THREADS, n); t++) {
            POOL.execute(Parallel::work);
        }
        try {
            job.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.next.set(n);
            throw new IllegalStateException("interrupted while waiting for parallel work", e);
        }
        Throwable failed = job.failed;
        if (failed != null) {
            if (failed instanceof RuntimeException r) {
                throw r;
            }
            if (failed instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(failed);
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(job.results);
        return Collections.unmodifiableList(list);
    }

    /** A pool thread's turn: items of the first job that has any, until none has. */
    private static void work() {
        while (true) {
            Job<?, ?> job;
            int i;
            synchronized (URGENT) {
                job = null;
                i = -1;
                for (ArrayDeque<Job<?, ?>> queue : List.of(URGENT, OTHERS)) {
                    while (!queue.isEmpty()) {
                        Job<?, ?> head = queue.peekFirst();
                        i = head.next.getAndIncrement();
                        if (i < head.items.size()) {
                            job = head;
                            break;
                        }
                        queue.pollFirst(); // every item taken (or the job given up)
                    }
                    if (job != null) {
                        break;
                    }
                }
            }
            if (job == null) {
                return;
            }
            job.run(i);
        }
    }

    /** One caller's items, their results, and how many are done. */
    private static final class Job<T, R> {
        final List<T> items;
        final Function<? super T, ? extends R> fn;
        final Object[] results;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable failed;

        Job(List<T> items, Function<? super T, ? extends R> fn) {
            this.items = items;
            this.fn = fn;
            this.results = new Object[items.size()];
        }

        void run(int i) {
            try {
                results[i] = fn.apply(items.get(i));
            } catch (RuntimeException | Error e) {
                if (failed == null) {
                    failed = e;
                }
                next.set(items.size()); // the others are not taken
                done.countDown();
                return;
            }
            if (finished.incrementAndGet() == items.size()) {
                done.countDown();
            }
        }
    }
}
