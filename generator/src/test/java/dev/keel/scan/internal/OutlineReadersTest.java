package dev.keel.scan.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scan reads of a source file only what its {@link Outline} keeps: the calls that reach into what the outline
 * leaves out (a method's body, comments, any node of a tree walked whole, methods looked up by name) are made only
 * where the outline accounts for them. A new such call elsewhere fails here: then {@link Outline} must keep what it
 * reads, or an edit there would reuse a stale scan ({@code ScanCache}).
 */
class OutlineReadersTest {
    /** Each call, and the scan's source files allowed to make it (and why the outline holds for them). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // methods: AccessRules and ConstraintTwins read getter-shaped ones, Identifiers the annotations of
            // methods (annotated ones are kept), UserTypes getSqlType(); a new reader must check the outline keeps it
            Map.entry("MethodDeclaration", Set.of("AccessRules.java", "ConstraintTwins.java", "Identifiers.java", "UserTypes.java")),
            Map.entry("getMethods(", Set.of("Identifiers.java")),
            Map.entry("getBody(", Set.of("UserTypes.java")),           // getSqlType(): the outline keeps that body
            Map.entry("getStatements(", Set.of("UserTypes.java")),
            Map.entry("getMethodsByName(", Set.of("UserTypes.java")),  // getSqlType: getter-shaped, so kept
            Map.entry("getComment(", Set.of()),
            Map.entry("getOrphanComments(", Set.of()),
            Map.entry("getAllContainedComments(", Set.of()),
            Map.entry("getJavadoc", Set.of()),
            // SourceTrees counts a tree's nodes for the budget: which trees stay resident, not what the scan finds
            Map.entry("getChildNodes(", Set.of("SourceTrees.java")),
            Map.entry("findAll(", Set.of()),
            Map.entry(".walk(", Set.of("SourceTrees.java", "SourceIndex.java", "ClassPath.java"))); // tokens dropped; a folder's files listed (class path: folders of class files)

    @Test
    void theScanReadsNothingTheOutlineLeavesOut() throws Exception {
        Path scan = Path.of("src/main/java/dev/keel/scan");
        var found = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(scan)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.equals("Outline.java")) {
                    continue;
                }
                String text = Files.readString(f);
                ALLOWED.forEach((call, allowed) -> {
                    if (text.contains(call) && !allowed.contains(name)) {
                        found.add(name + " calls " + call);
                    }
                });
            }
        }
        assertEquals(new ArrayList<String>(), found, "calls that read what Outline leaves out; make Outline keep it");
    }
}
