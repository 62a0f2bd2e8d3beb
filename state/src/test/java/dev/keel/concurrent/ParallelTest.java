package dev.keel.concurrent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {
    @Test
    void keepsTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        assertEquals(items.stream().map(i -> i * 2).toList(), Parallel.map(items, i -> i * 2));
    }

    @Test
    void emptyAndSingleItemsNeedNoPool() {
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), i -> i));
        assertEquals(List.of("a!"), Parallel.map(List.of("a"), s -> s + "!"));
    }

    @Test
    void keepsNullResults() {
        assertEquals(java.util.Arrays.asList(null, "b"), Parallel.map(List.of("a", "b"), s -> s.equals("a") ? null : s));
    }

    @Test
    void rethrowsWhatTheFunctionThrows() {
        var thrown = assertThrows(IllegalArgumentException.class,
                () -> Parallel.map(IntStream.range(0, 100).boxed().toList(), i -> {
                    if (i == 57) {
                        throw new IllegalArgumentException("item 57");
                    }
                    return i;
                }));
        assertEquals("item 57", thrown.getMessage());
    }

    @Test
    void twoCallersAtOnceEachGetTheirOwnResults() throws Exception {
        List<Integer> items = IntStream.range(0, 2000).boxed().toList();
        var other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<List<Integer>> background =
                    CompletableFuture.supplyAsync(() -> Parallel.map(items, i -> i + 1), other);
            List<Integer> here = Parallel.map(items, i -> i - 1);
            assertEquals(items.stream().map(i -> i - 1).toList(), here);
            assertEquals(items.stream().map(i -> i + 1).toList(), background.get());
        } finally {
            other.shutdown();
        }
    }

    @Test
    void resultsCannotBeChanged() {
        var result = Parallel.map(List.of(1, 2, 3), i -> i);
        assertThrows(UnsupportedOperationException.class, () -> result.set(0, 9));
        assertTrue(result.contains(3));
    }

    @Test
    void itemsOfAFirstCallerAreTakenBeforeThoseOfALongerJobAskedForEarlier() throws Exception {
        List<Integer> slow = IntStream.range(0, 400).boxed().toList();
        var doneSlow = new java.util.concurrent.atomic.AtomicInteger();
        var started = new java.util.concurrent.CountDownLatch(1);
        var other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<List<Integer>> background = CompletableFuture.supplyAsync(() -> Parallel.map(slow, i -> {
                started.countDown();
                sleep(5);
                doneSlow.incrementAndGet();
                return i;
            }), other);
            started.await();
            List<Integer> urgent = IntStream.range(0, 20).boxed().toList();
            List<Integer> result = Parallel.first(() -> Parallel.map(urgent, i -> i * 3));
            int slowDoneThen = doneSlow.get();
            assertEquals(urgent.stream().map(i -> i * 3).toList(), result);
            assertTrue(slowDoneThen < slow.size() / 2, "the first caller's items did not wait for the longer job: "
                    + slowDoneThen + " of its items were done");
            assertEquals(slow, background.get(), "and the longer job still gets every result");
            assertEquals(List.of(0, 1), Parallel.map(List.of(0, 1), i -> i), "outside first, as before");
        } finally {
            other.shutdown();
        }
    }

    @Test
    void aFailureInAFirstCallersItemsIsItsOwn() {
        var thrown = assertThrows(IllegalStateException.class, () -> Parallel.first(
                () -> Parallel.map(IntStream.range(0, 50).boxed().toList(), i -> {
                    if (i == 7) {
                        throw new IllegalStateException("item 7");
                    }
                    return i;
                })));
        assertEquals("item 7", thrown.getMessage());
        assertEquals(List.of(2, 4), Parallel.map(List.of(1, 2), i -> i * 2), "the pool goes on");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
