package dev.keel.diff;

import dev.keel.operations.Operation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The operations that take the migrations' state to the entities' state, per app, in order. */
public record Changes(Map<String, List<Operation>> byApp) {
    public Changes {
        var sorted = new TreeMap<String, List<Operation>>();
        byApp.forEach((app, ops) -> {
            if (!ops.isEmpty()) {
                sorted.put(app, List.copyOf(ops));
            }
        });
        byApp = java.util.Collections.unmodifiableMap(sorted);
    }

    public boolean isEmpty() {
        return byApp.isEmpty();
    }

    public List<Operation> of(String app) {
        return byApp.getOrDefault(app, List.of());
    }
}
