package dev.keel.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A record's text exactly as Java writes it ({@code AppConfig[label=blog, packageName=a.b, ...]}), by reflection.
 * The configuration's records use it as their {@code toString}: the text is part of the cache's salt
 * ({@code ProjectCache}), computed on every run, and the default {@code toString} of a record is linked on its
 * first call through method handles, which costs a short command tens of milliseconds for keel.json's five records
 * (the same text; a component added to a record is in it, as with the default).
 */
final class RecordText {
    private RecordText() {}

    static String of(Record r) {
        var text = new StringBuilder(r.getClass().getSimpleName()).append('[');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            try {
                text.append(components[i].getName()).append('=').append(components[i].getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("keel bug: " + components[i] + " cannot be read", e);
            }
        }
        return text.append(']').toString();
    }
}
