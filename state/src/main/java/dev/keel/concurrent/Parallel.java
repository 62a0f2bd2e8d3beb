package dev.keel.concurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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
 */
public final class Parallel {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "keel-worker");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {}

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
        Object[] results = new Object[n];
        var next = new AtomicInteger();
        var tasks = new ArrayList<Future<?>>();
        for (int t = 0; t < Math.min(THREADS, n); t++) {
            tasks.add(POOL.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    results[i] = fn.apply(items.get(i));
                }
            }));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(n);
                throw new IllegalStateException("interrupted while waiting for parallel work", e);
            } catch (ExecutionException e) {
                next.set(n);
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return Collections.unmodifiableList(list);
    }
}
