package dev.keel.runner.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The components of a record class, in declaration order, each with its accessor made accessible: read once per class
 * ({@link Class#getRecordComponents} builds new objects on every call, and each accessor must be made accessible before
 * use), for {@link DefinitionText} and {@link Checksums}, which walk every value of a migration's operations.
 */
final class RecordParts {
    private RecordParts() {}

    /** One component: its name and its accessor. */
    record Part(String name, Method accessor) {
        /**
         * The component's value in {@code record}.
         *
         * @throws IllegalStateException when it cannot be read
         */
        Object of(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + name, e);
            }
        }
    }

    private static final ClassValue<List<Part>> PARTS = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return List.of();
            }
            Part[] parts = new Part[components.length];
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    // read as before, where it fails with the component's name
                }
                parts[i] = new Part(components[i].getName(), accessor);
            }
            return List.of(parts);
        }
    };

    /** The components of {@code recordClass} (a record class), in declaration order. */
    static List<Part> of(Class<?> recordClass) {
        return PARTS.get(recordClass);
    }
}
