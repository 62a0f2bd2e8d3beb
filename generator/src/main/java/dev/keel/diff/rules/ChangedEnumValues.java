package dev.keel.diff.rules;

import dev.keel.diff.DetectionRule;
import dev.keel.diff.DiffContext;
import dev.keel.operations.AddEnumValue;
import dev.keel.operations.RemoveEnumValue;
import dev.keel.state.EnumType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values of an enum type the entities changed: a new value is added in its place ({@code ADD VALUE ... BEFORE} or
 * {@code AFTER} its neighbour, at the end when it is last); a value taken out, or one whose place among the others
 * changed, is taken out ({@link RemoveEnumValue}) and, when it moved, added again in its new place. Taking a value out
 * rebuilds the type, which the safety rules refuse without permission. Runs before the columns change, so that their
 * defaults may use a new value.
 */
public final class ChangedEnumValues implements DetectionRule {
    @Override
    public void detect(DiffContext ctx) {
        for (EnumType want : ctx.target().enumTypes()) {
            EnumType have = ctx.current().enumType(want.name()).orElse(null);
            if (have == null || have.values().equals(want.values())) {
                continue;
            }
            String app = Owners.appOfEnumType(ctx, want.name());
            Set<String> kept = new HashSet<>(inOrder(have.values(), want.values()));
            for (String v : have.values()) {
                if (!kept.contains(v)) {
                    ctx.emit(app, new RemoveEnumValue(want.name(), v));
                }
            }
            List<String> values = want.values();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (kept.contains(v)) {
                    continue;
                }
                List<String> now = ctx.current().requireEnumType(want.name()).values();
                if (i == 0) {
                    ctx.emit(app, new AddEnumValue(want.name(), v, now.get(0), null));
                } else if (values.get(i - 1).equals(now.get(now.size() - 1))) {
                    ctx.emit(app, new AddEnumValue(want.name(), v));
                } else {
                    ctx.emit(app, new AddEnumValue(want.name(), v, null, values.get(i - 1)));
                }
            }
        }
    }

    /**
     * The longest list of values of {@code have} that {@code want} has in the same order: those that stay where they
     * are; every other value of {@code have} is taken out (and, when {@code want} has it, added again in its place).
     */
    static List<String> inOrder(List<String> have, List<String> want) {
        List<String> a = have.stream().filter(want::contains).toList();
        List<String> b = want.stream().filter(have::contains).toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var result = new ArrayList<String>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                result.add(a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return result;
    }
}
