package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.state.Identity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A migration's definition text, which its recorded checksum hashes, is exactly what reading each record's components
 * afresh on every value gave (the reference below, as {@link DefinitionText} was written before it kept each class's
 * components): checksums recorded by an earlier keel still match.
 */
class DefinitionTextTest {
    static List<Operation> operations() {
        return List.of(
                createModel("Post", table("post").entity("Post")
                        .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                        .field("title", column("title", "varchar(200)").defaultSql("'\"x\"\\n'"))
                        .field("author", column("author_id", "bigint").nullable())
                        .primaryKey("id")
                        .constraint(foreignKey("fk_post_author", "author_id").references("author", "id"))
                        .constraint(unique("uk_post_title", "title"))
                        .constraint(check("ck_post_title", "length(title) > 0"))
                        .index(index("idx_post_title", "title").unique())),
                addField("post", "slug", column("slug", "varchar(200)").nullable()),
                alterField("post", "title", column("title", "varchar(300)").nullable().defaultSql("''")),
                renameField("post", "title", "headline").renamingColumn("headline"),
                addIndex("post", index("idx_post_created", "created_at"), true),
                createSequence(sequence("tag_seq").incrementBy(50)),
                alterSequence(sequence("post_seq").startWith(1000).incrementBy(10)),
                runSql("UPDATE post SET status = 'draft'\t-- \u00e9", RunSql.NOOP),
                runJava("fillSlugs", "clearSlugs"),
                separateDatabaseAndState(ops(runSql("ALTER TABLE post ADD COLUMN slug text")),
                        ops(addField("post", "slug", column("slug", "text").nullable()))),
                safeRemoveField("post", "legacyFlag", DeletionAction.MOVE_TO_PENDING),
                forkSequence("post_seq", "article_seq", 1_000_000L),
                createCompatibilityView("old_tag", "tag", names("id", "name")),
                recreatePendingField("post", "post", column("gone", "text").nullable().field("gone"),
                        indexes(index("idx_gone", "gone")), constraints(check("ck_gone", "gone <> ''"))),
                switchColumn("post", "title", "status", "title_keel_old"));
    }

    @Test
    void theTextIsWhatReadingEachRecordAfreshGave() {
        var spec = new MigrationSpec(new MigrationKey("blog", "0002_more"), List.of(new MigrationKey("blog", "0001_initial")),
                operations(), true, false, false, List.of(), "M0002_more.java");
        String text = DefinitionText.of(spec);
        var expected = new StringBuilder();
        for (Operation op : spec.operations()) {
            expected.append("  ");
            reference(op, expected);
            expected.append('\n');
        }
        assertEquals(expected.toString(), text.substring(text.indexOf("operations\n") + "operations\n".length()));
        assertEquals(text, DefinitionText.of(spec), "the same text the second time, the components known");
    }

    // ---- the reference: DefinitionText's values as written before (record components read on every value) ----

    private static void reference(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Character c) {
            string(String.valueOf(c), out);
        } else if (v instanceof Enum<?> e) {
            out.append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
        } else if (v instanceof Optional<?> o) {
            reference(o.orElse(null), out);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                reference(list.get(i), out);
            }
            out.append(']');
        } else if (v instanceof Collection<?> set) {
            out.append('{').append(String.join(",", set.stream().map(DefinitionTextTest::text).sorted().toList())).append('}');
        } else if (v instanceof Map<?, ?> map) {
            var entries = new ArrayList<String>();
            map.forEach((k, x) -> entries.add(text(k) + ":" + text(x)));
            out.append('{').append(String.join(",", entries.stream().sorted().toList())).append('}');
        } else {
            out.append(v.getClass().getSimpleName()).append('{');
            boolean first = true;
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                Object x;
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    x = accessor.invoke(v);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                if (x == null || Boolean.FALSE.equals(x)
                        || x instanceof Number n && n.doubleValue() == 0 && !(x instanceof Double d && d.equals(-0.0))
                        || x instanceof Collection<?> col && col.isEmpty() || x instanceof Map<?, ?> m && m.isEmpty()
                        || x instanceof Optional<?> o && o.isEmpty()) {
                    continue;
                }
                out.append(first ? "" : ",").append(c.getName()).append('=');
                reference(x, out);
                first = false;
            }
            out.append('}');
        }
    }

    private static String text(Object v) {
        var sb = new StringBuilder();
        reference(v, sb);
        return sb.toString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        out.append('"');
    }
}
