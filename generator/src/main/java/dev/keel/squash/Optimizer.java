package dev.keel.squash;

import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds the operations of a squash into fewer, as Django's migration optimizer does: each operation
 * is paired with each later one; when a {@link FoldRule} folds the pair and the operations between
 * them let it (the later one can move back to the earlier, or the earlier forward to the later, across
 * them: see {@link Footprint#commutesWith}), the pair is replaced by its fold. Repeated until nothing
 * folds.
 */
public final class Optimizer {
    /** The folded operations, and the name of each fold made, in order. */
    public record Result(List<Operation> operations, List<String> folds) {
        public Result {
            operations = List.copyOf(operations);
            folds = List.copyOf(folds);
        }
    }

    /** An operation with what it touches. */
    private record Item(Operation op, Footprint footprint) {}

    private final List<FoldRule> rules;

    /** An optimizer with every rule of {@link FoldRules}. */
    public Optimizer() {
        this(FoldRules.all());
    }

    /** An optimizer with the given rules (tests try one at a time). */
    public Optimizer(List<FoldRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Folds {@code ops}, which a migration of {@code app} runs on {@code before}.
     *
     * @throws dev.keel.error.KeelException when an operation does not apply to the state the earlier ones leave
     */
    public Result optimize(String app, ProjectState before, List<Operation> ops) {
        var items = new ArrayList<Item>();
        ProjectState s = before;
        for (Operation op : ops) {
            items.add(new Item(op, Footprint.of(app, s, op)));
            s = StateTransitions.apply(op, app, s);
        }
        var folds = new ArrayList<String>();
        while (foldOnce(items, folds)) {
            // again, until nothing folds
        }
        return new Result(items.stream().map(Item::op).toList(), folds);
    }

    /** Makes the first fold it finds; false when there is none. */
    private boolean foldOnce(List<Item> items, List<String> folds) {
        for (int i = 0; i < items.size(); i++) {
            Item first = items.get(i);
            for (int j = i + 1; j < items.size(); j++) {
                Item second = items.get(j);
                Optional<Fold> fold = fold(first.op(), second.op());
                if (fold.isPresent()) {
                    List<Item> between = items.subList(i + 1, j);
                    boolean secondMovesBack = between.stream().allMatch(b -> b.footprint().commutesWith(second.footprint()));
                    boolean firstMovesOn = between.stream().allMatch(b -> b.footprint().commutesWith(first.footprint()));
                    if (secondMovesBack || firstMovesOn) {
                        Footprint both = first.footprint().plus(second.footprint());
                        List<Item> replacement = fold.get().ops().stream().map(op -> new Item(op, both)).toList();
                        var rebuilt = new ArrayList<Item>(items.subList(0, i));
                        if (secondMovesBack) {
                            rebuilt.addAll(replacement);
                            rebuilt.addAll(between);
                        } else {
                            rebuilt.addAll(between);
                            rebuilt.addAll(replacement);
                        }
                        rebuilt.addAll(items.subList(j + 1, items.size()));
                        items.clear();
                        items.addAll(rebuilt);
                        folds.add(fold.get().rule());
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private record Fold(String rule, List<Operation> ops) {}

    private Optional<Fold> fold(Operation first, Operation second) {
        for (FoldRule rule : rules) {
            Optional<List<Operation>> folded = rule.fold(first, second);
            if (folded.isPresent()) {
                return Optional.of(new Fold(rule.name(), folded.get()));
            }
        }
        return Optional.empty();
    }
}
