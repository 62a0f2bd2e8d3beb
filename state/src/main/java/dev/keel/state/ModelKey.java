package dev.keel.state;

import java.util.Comparator;

/** Names a model in the project state: its app label and its model name in lower case. */
public record ModelKey(String app, String model) implements Comparable<ModelKey> {
    private static final Comparator<ModelKey> ORDER =
            Comparator.comparing(ModelKey::app).thenComparing(ModelKey::model);

    public ModelKey {
        Names.require(app, "app label");
        model = Names.modelKey(model);
    }

    @Override
    public int compareTo(ModelKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return app + "." + model;
    }
}
