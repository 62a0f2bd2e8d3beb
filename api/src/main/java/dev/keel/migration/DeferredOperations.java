package dev.keel.migration;

import dev.keel.operations.Operation;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A migration's operations, decoded on first use: what the cache gives for a migration read before,
 * since most commands only need a migration's key and dependencies. Immutable, safe to share between
 * threads; equal to any list of the same operations.
 */
public final class DeferredOperations extends AbstractList<Operation> implements RandomAccess {
    private final Supplier<List<Operation>> decode;
    private volatile List<Operation> operations;

    /** Operations that {@code decode} gives when first needed (it is called at most once). */
    public DeferredOperations(Supplier<List<Operation>> decode) {
        this.decode = decode;
    }

    private List<Operation> operations() {
        List<Operation> ops = operations;
        if (ops == null) {
            synchronized (this) {
                if (operations == null) {
                    operations = List.copyOf(decode.get());
                }
                ops = operations;
            }
        }
        return ops;
    }

    @Override
    public Operation get(int index) {
        return operations().get(index);
    }

    @Override
    public int size() {
        return operations().size();
    }
}
