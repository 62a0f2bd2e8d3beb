package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside a terminal, keel cannot ask whether a likely rename is one. It stops (exit 3) and prints the
 * exact @RenamedFrom and --rename that say it, rather than inviting a default or writing a new empty table.
 */
class LikelyRenameCommandTest {
    @TempDir Path dir;
    Path blog;
    Path migrations;

    @BeforeEach
    void copySample() {
        dev.keel.testing.SampleProjects.copy("blog", dir);
        blog = dir.resolve("src/main/java/com/example/blog");
        migrations = blog.resolve("migrations");
    }

    KeelRun keel(String... args) {
        return KeelRun.run(MigrationSource.standard(), Stream.concat(Stream.of("-C", dir.toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    List<String> migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRenamedNotNullFieldStopsWithTheRenameHintsNotADefault() throws Exception {
        Path post = blog.resolve("Post.java");
        Files.writeString(post, Files.readString(post).replace("private String title;", "private String headline;")
                .replace("this.title = title;", "this.headline = title;"));
        List<String> before = migrationFiles();
        KeelRun r = keel("makemigrations");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("field blog.post.headline looks like a rename of title"), r.err());
        assertTrue(r.err().contains("@RenamedFrom(\"title\") on the field headline"), r.err());
        assertTrue(r.err().contains("keel makemigrations --rename blog.post.title=headline"), r.err());
        assertTrue(!r.err().contains("Java initializer"), "no invitation to a default, which would lose the data: " + r.err());
        assertEquals(before, migrationFiles(), "nothing written");

        KeelRun said = keel("makemigrations", "--rename", "blog.post.title=headline", "--dry-run");
        assertTrue(!said.err().contains("looks like a rename"), said.out() + said.err());
    }

    @Test
    void aRenamedEntityClassStopsInsteadOfWritingANewEmptyTable() throws Exception {
        Files.writeString(blog.resolve("Note.java"), """
                package com.example.blog;

                import jakarta.persistence.*;

                @Entity
                public class Note {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                    @Column(nullable = false) private String body;
                    private int stars;
                }
                """);
        assertEquals(0, keel("makemigrations").exit());
        Files.delete(blog.resolve("Note.java"));
        Files.writeString(blog.resolve("Memo.java"), """
                package com.example.blog;

                import jakarta.persistence.*;

                @Entity
                public class Memo {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
                    @Column(nullable = false) private String body;
                    private int stars;
                }
                """);
        List<String> before = migrationFiles();
        KeelRun r = keel("makemigrations");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("model blog.Memo looks like a rename of Note"), r.err());
        assertTrue(r.err().contains("@RenamedFrom(\"Note\") on the entity class"), r.err());
        assertTrue(r.err().contains("keel makemigrations --rename blog.Note=Memo"), r.err());
        assertEquals(before, migrationFiles(), "nothing written");

        KeelRun said = keel("makemigrations", "--rename", "blog.Note=Memo", "--dry-run");
        assertEquals(0, said.exit(), said.out() + said.err());
        assertTrue(said.out().contains("Keep the old name note as a view of memo until the pending deletions")
                && said.out().contains("Continue sequence note_seq as memo_seq"),
                "the table rename is written as expand and contract: " + said.out());
        Path memo = blog.resolve("Memo.java");
        Files.writeString(memo, Files.readString(memo).replace("@Entity\n", "@Entity\n@Table(name = \"note\")\n"));
        KeelRun stateOnly = keel("makemigrations", "--rename", "blog.Note=Memo", "--dry-run");
        assertEquals(0, stateOnly.exit(), stateOnly.out() + stateOnly.err());
        assertTrue(stateOnly.out().contains("Rename model"), stateOnly.out());
        Files.writeString(memo, Files.readString(memo).replace("@Table(name = \"note\")\n", ""));
        KeelRun notRenamed = keel("makemigrations", "--not-renamed");
        assertEquals(0, notRenamed.exit(), notRenamed.out() + notRenamed.err());
    }
}
