package dev.keel.scan;

import dev.keel.cache.FileHashes;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * FileHashes' racy window and its per-process state, which are the cache package's: set from this module's tests as
 * the cache package's own tests set them.
 */
public final class FileHashesControl {
    private FileHashesControl() {}

    /** How long after a file's change its hash is not vouched for by its metadata (2000 ms unless a test sets it). */
    public static void racyMillis(long millis) throws ReflectiveOperationException {
        Field racy = FileHashes.class.getDeclaredField("racyMillis");
        racy.setAccessible(true);
        racy.setLong(null, millis);
    }

    /** Forgets the hashes held in this process, as a new process would. */
    public static void forgetAll() throws ReflectiveOperationException {
        Method forget = FileHashes.class.getDeclaredMethod("forgetAll");
        forget.setAccessible(true);
        forget.invoke(null);
    }
}
