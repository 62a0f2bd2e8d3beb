package dev.keel.emit;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lockfile as git leaves it after a merge or rebase that conflicts on it. */
class LockfileTest {
    @Test
    void aMergeConflictIsReadWithBothSidesAndLinesBothAgreeOnAreKept() {
        Lockfile l = Lockfile.parse("""
                # header
                <<<<<<< HEAD
                blog: 0005_add_post_rank
                shop: 0002_add_item_sku
                =======
                blog: 0005_add_post_views
                shop: 0002_add_item_sku
                >>>>>>> views
                zoo: 0001_initial
                """, "migrations_lockfile.txt");
        assertEquals(Map.of("shop", "0002_add_item_sku", "zoo", "0001_initial"), l.latest());
        assertEquals(Map.of("blog", List.of("0005_add_post_rank", "0005_add_post_views")), l.conflicts());
        assertTrue(l.inConflict());
        Lockfile resolved = l.with("blog", "0006_merge_0005_0005");
        assertEquals(new TreeMap<>(Map.of()), resolved.conflicts());
        assertTrue(resolved.render().endsWith("\nblog: 0006_merge_0005_0005\nshop: 0002_add_item_sku\nzoo: 0001_initial\n"));
    }

    @Test
    void theDiff3StyleBaseSectionIsIgnored() {
        Lockfile l = Lockfile.parse("""
                <<<<<<< ours
                blog: 0005_b
                ||||||| base
                blog: 0004_a
                =======
                blog: 0005_c
                >>>>>>> theirs
                """, "f");
        assertEquals(Map.of("blog", List.of("0005_b", "0005_c")), l.conflicts());
    }

    @Test
    void anUnclosedConflictAndWritingAnUnresolvedOneAreRefused() {
        var e = assertThrows(KeelException.class, () -> Lockfile.parse("<<<<<<< ours\nblog: 0005_b\n=======\n", "f"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("git checkout --conflict=merge"), e.getMessage());
        Lockfile open = Lockfile.parse("<<<<<<< a\nblog: 0005_b\n=======\nblog: 0005_c\n>>>>>>> b\n", "f");
        var refused = assertThrows(KeelException.class, () -> open.write(java.nio.file.Path.of("/nonexistent")));
        assertEquals(ErrorKind.GRAPH, refused.kind());
    }
}
