package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.util.Map;
import java.util.Optional;

/** The migrations' classes as a class loader holds them: an application's jar or its compiled classes. */
public final class LoadedMigrationCode extends MigrationClassCode {
    private final ClassLoader loader;
    private final Map<String, String> packages;

    /**
     * The classes of {@code loader}.
     *
     * @param packages the migrations package of each app, by app label
     */
    public LoadedMigrationCode(ClassLoader loader, Map<String, String> packages) {
        this.loader = loader;
        this.packages = Map.copyOf(packages);
    }

    @Override
    protected ClassLoader loader() {
        return loader;
    }

    @Override
    protected String migrationsPackage(String app) {
        String p = packages.get(app);
        if (p == null) {
            throw new KeelException(ErrorKind.USAGE, "no migrations package is known for app " + app + " (apps: "
                    + packages.keySet() + ").\nTo fix: name the app's migrations package.");
        }
        return p;
    }

    @Override
    public Optional<byte[]> classFile(String internalName) {
        return resource(loader, internalName);
    }
}
