package dev.keel.scan;

import dev.keel.cache.Compact;
import dev.keel.cache.StateCodec;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.project.ModelKey;

import java.util.HashMap;
import java.util.Map;

/**
 * A stored entity scan ({@link EntityScanner.Scan}) in a compact cache document ({@link Compact}, through
 * {@link dev.keel.cache.ProjectCache#writeCompact}): a version number, the state ({@link StateCodec}), then the hints,
 * each map as its size and entries, every record component by component in the order of its declaration. No Jackson and
 * no reflection: in a fresh JVM, reading the 2 MB JSON document of a 1000-entity scan cost Jackson's start and a
 * parse, twice per check after one change (once to miss the key).
 *
 * <p>A new field of the stored scan (a component of {@link EntityScanner.Scan} or {@link DiffHints}, or of a state
 * record) is written and read here, in the same place of both methods, and {@link #VERSION} goes up by one;
 * {@code ScanCodecTest} pins the components this class knows and fails until then. A document of another version,
 * damaged, cut short or with bytes left over is not read: the scan is made again from the sources.
 */
final class ScanCodec {
    /** The layout's version: the first number of the document; any other is not read. */
    static final int VERSION = 2;

    private ScanCodec() {}

    static void write(Compact.Writer w, EntityScanner.Scan scan) {
        w.count(VERSION);
        StateCodec.write(w, scan.state());
        DiffHints h = scan.hints();
        w.count(h.renamedModels().size());
        for (var e : h.renamedModels().entrySet()) {
            w.string(e.getKey().app());
            w.string(e.getKey().model());
            w.string(e.getValue());
        }
        fields(w, h.renamedFields());
        fields(w, h.initializerDefaults());
    }

    /**
     * The scan {@link #write} wrote.
     *
     * @throws IllegalArgumentException when the document is of another version, or its bytes are not such a scan
     */
    static EntityScanner.Scan read(Compact.Reader r) {
        long version = r.count();
        if (version != VERSION) {
            throw new IllegalArgumentException("a stored scan of version " + version + ", not " + VERSION);
        }
        var state = StateCodec.read(r);
        long models = r.count();
        var renamedModels = new HashMap<ModelKey, String>();
        for (long i = 0; i < models; i++) {
            renamedModels.put(new ModelKey(r.string(), r.string()), r.string());
        }
        var renamedFields = fields(r);
        var initializerDefaults = fields(r);
        return new EntityScanner.Scan(state, new DiffHints(renamedModels, renamedFields, initializerDefaults));
    }

    private static void fields(Compact.Writer w, Map<FieldRef, String> fields) {
        w.count(fields.size());
        for (var e : fields.entrySet()) {
            w.string(e.getKey().app());
            w.string(e.getKey().model());
            w.string(e.getKey().field());
            w.string(e.getValue());
        }
    }

    private static Map<FieldRef, String> fields(Compact.Reader r) {
        long size = r.count();
        var fields = new HashMap<FieldRef, String>();
        for (long i = 0; i < size; i++) {
            fields.put(new FieldRef(r.string(), r.string(), r.string()), r.string());
        }
        return fields;
    }
}
