package dev.keel.project;

import java.util.Comparator;
import java.util.Locale;

/** Names a model in the project state: its app label and its model name in lower case. */
public record ModelKey(String app, String model) implements Comparable<ModelKey> {
    private static final Comparator<ModelKey> ORDER =
            Comparator.comparing(ModelKey::app).thenComparing(ModelKey::model);

    public ModelKey {
        require(app, "app label");
        model = require(model, "model").toLowerCase(Locale.ROOT);
    }

    private static String require(String value, String what) {
        if (value == null) { // the message built only when it is thrown: this runs for every key made
            throw new NullPointerException(what + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    @Override
    public int compareTo(ModelKey other) {
        return ORDER.compare(this, other);
    }

    /*
     * equals and hashCode written out: a record's own are linked at their first call through
     * java.lang.runtime.ObjectMethods, method handles and classes spun at run time that class data sharing does not
     * keep (about 10 ms of a short command's start, the first time a key is put in a map).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelKey k && app.equals(k.app) && model.equals(k.model);
    }

    @Override
    public int hashCode() {
        return 31 * app.hashCode() + model.hashCode();
    }

    @Override
    public String toString() {
        return app + "." + model;
    }
}
