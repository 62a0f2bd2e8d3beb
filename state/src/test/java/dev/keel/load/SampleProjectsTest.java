package dev.keel.load;

import dev.keel.config.KeelConfig;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddIndex;
import dev.keel.operations.RunSql;
import dev.keel.project.ProjectState;
import dev.keel.project.StateSnapshot;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample projects under {@code src-samples/}: what their migrations build, and that both ways of reading agree. */
class SampleProjectsTest {
    private static final Path SAMPLES = Path.of("..", "src-samples");

    @TempDir
    Path classes;

    @Test
    void blogMigrationsBuildTheSchemaOfTheEntities() {
        Path project = SAMPLES.resolve("blog");
        List<MigrationSpec> specs = ProjectMigrations.readSources(KeelConfig.read(project), project);
        assertEquals(List.of("0001_initial", "0002_add_post_slug", "0003_idx_post_created_at", "0004_fill_post_slug"),
                specs.stream().map(MigrationSpec::name).toList());
        assertTrue(specs.get(0).initial());
        assertFalse(specs.get(2).atomic());
        assertTrue(((AddIndex) specs.get(2).operations().get(0)).isConcurrent());
        assertEquals(RunSql.NOOP, ((RunSql) specs.get(3).operations().get(0)).reverseSql());

        ProjectState state = Replay.apply(specs);

        assertEquals(List.of(new Sequence("author_seq", 1, 50), new Sequence("post_seq", 1, 50), new Sequence("tag_seq", 1, 50)),
                List.copyOf(state.sequences()));
        assertEquals(List.of("author", "post", "post_tags", "tag"), state.tables("blog").stream().map(Table::name).toList());
        assertTrue(state.pending().isEmpty());

        Table author = state.requireTable("blog", "author");
        assertEquals("Author", author.entity());
        assertEquals(List.of(
                Column.of("id", "bigint").field("id"),
                Column.of("email", "varchar(255)").field("email"),
                Column.of("name", "varchar(255)").field("name")), author.columns());
        assertEquals(new PrimaryKey("author_pkey", List.of("id")), author.primaryKey());
        assertEquals(List.<Constraint>of(UniqueConstraint.of("uk_author_email", "email")), author.constraints());

        Table post = state.requireTable("blog", "post");
        assertEquals(List.of(
                Column.of("published", "boolean").field("published"),
                Column.of("author_id", "bigint").field("author"),
                Column.of("created_at", "timestamp(6) with time zone").field("createdAt"),
                Column.of("id", "bigint").field("id"),
                Column.of("title", "varchar(255)").field("title"),
                Column.of("slug", "varchar(200)").nullable().field("slug")), post.columns());
        assertEquals(List.<Constraint>of(ForeignKey.of("fk_post_author", "author_id").references("author", "id")),
                post.constraints());
        assertEquals(List.of(Index.of("idx_post_created_at", "created_at")), post.indexes());

        Table tag = state.requireTable("blog", "tag");
        assertEquals(List.of("id", "name"), tag.columns().stream().map(Column::name).toList());
        assertEquals(List.<Constraint>of(UniqueConstraint.of("uk_tag_name", "name")), tag.constraints());

        Table postTags = state.requireTable("blog", "post_tags");
        assertEquals(null, postTags.entity());
        assertEquals(List.of(Column.of("post_id", "bigint"), Column.of("tags_id", "bigint")), postTags.columns());
        assertEquals(new PrimaryKey("post_tags_pkey", List.of("post_id", "tags_id")), postTags.primaryKey());
        assertEquals(List.<Constraint>of(
                ForeignKey.of("fk_post_tags_post", "post_id").references("post", "id"),
                ForeignKey.of("fk_post_tags_tag", "tags_id").references("tag", "id")), postTags.constraints());

        assertEquals(state, StateSnapshot.fromJson(StateSnapshot.toJson(state)));
    }

    @TestFactory
    Stream<DynamicNode> everySampleMigrationReadsFromSourceAsItCompiles() throws IOException {
        List<Path> projects;
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            projects = folders.filter(p -> Files.isRegularFile(p.resolve(KeelConfig.FILE_NAME))).sorted().toList();
        }
        assertFalse(projects.isEmpty(), "no sample projects under " + SAMPLES.toAbsolutePath());
        return projects.stream().map(this::sample);
    }

    private DynamicNode sample(Path project) {
        KeelConfig config = KeelConfig.read(project);
        List<MigrationSpec> fromSource = ProjectMigrations.readSources(config, project);
        ClassLoader loader = MigrationCompiler.compileProject(config, project, classes.resolve(project.getFileName()));
        Map<String, MigrationSpec> compiled = ProjectMigrations.loadCompiled(config, loader).stream()
                .collect(Collectors.toMap(s -> s.key().toString(), Function.identity()));

        Stream<DynamicNode> count = Stream.of(DynamicTest.dynamicTest("same migrations", () -> {
            assertFalse(fromSource.isEmpty(), project + " has no migrations");
            assertEquals(compiled.keySet(), fromSource.stream().map(s -> s.key().toString()).collect(Collectors.toSet()));
        }));
        Stream<DynamicNode> each = fromSource.stream().map(source -> DynamicTest.dynamicTest(source.key().toString(), () -> {
            MigrationSpec fromClass = compiled.get(source.key().toString());
            assertTrue(source.sameDefinition(fromClass), () -> "source: " + source + "\ncompiled: " + fromClass);
        }));
        return DynamicContainer.dynamicContainer(project.getFileName().toString(), Stream.concat(count, each));
    }
}
