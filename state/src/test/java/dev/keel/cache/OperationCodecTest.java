package dev.keel.cache;

import dev.keel.config.KeelConfig;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.operations.RunSql;
import dev.keel.project.OperationRoundTripTest;
import dev.keel.state.Identity;
import dev.keel.testing.SampleProjects;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations keel's cache of read migrations keeps ({@link OperationCodec}): every kind comes back equal. */
class OperationCodecTest {
    /** Every kind (OperationRoundTripTest's cases), and variants: nulls, touches, each kind of constraint, nesting. */
    static List<Operation> cases() {
        var all = new ArrayList<>(OperationRoundTripTest.cases());
        all.addAll(List.of(
                createModel("Order", table("shop.orders").entity("Order")
                        .field("id", column("id", "bigint").identity(Identity.ALWAYS).comment("the key"))
                        .field("note", column("note", "text").nullable().defaultSql("'\u00e9\\n\"'"))
                        .field("code", column("code", "varchar(20)"))
                        .primaryKey("id")
                        .constraint(foreignKey("fk_order_customer", "code").references("customer", "code").onDelete("CASCADE"))
                        .constraint(unique("uk_order_code", "code").deferrable().initiallyDeferred())
                        .constraint(check("ck_order_code", "code <> ''"))
                        .index(index("idx_order_note", "note").using("gin").where("note IS NOT NULL"))
                        .comment("orders").database("sales")),
                renameField("post", "title", "headline"),
                addIndex("post", index("idx_post_title", "title"), false),
                removeIndex("post", "idx_post_title", true),
                addConstraint("post", foreignKey("fk_post_author", "author_id").references("author", "id")),
                addConstraint("post", unique("uk_post_slug", "slug")),
                createSequence(sequence("s").startWith(-5).incrementBy(Long.MAX_VALUE)),
                createEnumType(enumType("mood", "sad", "it's ok", "happy").database("reports")),
                addEnumValue("mood", "calm", null, "sad"), addEnumValue("mood", "angry", "sad", null), addEnumValue("mood", "joy"),
                renameEnumValue("mood", "sad", "blue"), removeEnumValue("mood", "joy"), dropEnumType("mood"),
                runSql("SELECT 1"),
                runSql("UPDATE t SET a = 1", RunSql.NOOP).touches("t", "archive.u"),
                runSql("UPDATE t SET a = 1").database("sales"),
                runJava("fill"),
                runJava("fill", "empty").touches("t"),
                runJava("fill").database("sales"),
                separateDatabaseAndState(ops(), ops()),
                separateDatabaseAndState(ops(separateDatabaseAndState(ops(runSql("SELECT 1")), ops(deleteModel("a")))),
                        ops(addField("post", "slug", column("slug", "text").nullable()), removeField("post", "x"))),
                forkSequence("a", "b", Long.MAX_VALUE),
                unforkSequence("a", "b", 1),
                safeRemoveField("post", "x", DeletionAction.DELETE),
                recreatePendingField("post", "post", column("gone", "text").nullable().field("gone"),
                        indexes(index("idx_gone", "gone")), constraints(check("ck_gone", "gone <> ''"),
                                foreignKey("fk_gone", "gone").references("other", "id")))));
        return all;
    }

    @Test
    void everyOperationComesBackEqual() {
        for (Operation op : cases()) {
            byte[] bytes = OperationCodec.encode(List.of(op));
            assertEquals(List.of(op), OperationCodec.decode(bytes, 0, bytes.length), op.toString());
        }
        List<Operation> all = cases();
        byte[] bytes = OperationCodec.encode(all);
        assertEquals(all, OperationCodec.decode(bytes, 0, bytes.length));
    }

    /** What the cache kept as JSON before (read through Jackson) is what it keeps now: the same operations. */
    @Test
    void everyOperationDecodesAsItsJsonDid() {
        for (Operation op : cases()) {
            byte[] bytes = OperationCodec.encode(List.of(op));
            assertEquals(ProjectCache.decode(ProjectCache.encode(List.of(op))), OperationCodec.decode(bytes, 0, bytes.length),
                    op.toString());
        }
    }

    @Test
    void operationsOfEverySampleComeBackEqual() {
        for (String sample : List.of("blog", "shop", "library")) {
            for (MigrationSpec spec : ProjectMigrations.readSources(KeelConfig.read(SampleProjects.folder(sample)),
                    SampleProjects.folder(sample))) {
                byte[] bytes = OperationCodec.encode(spec.operations());
                assertEquals(spec.operations(), OperationCodec.decode(bytes, 0, bytes.length), spec.key().toString());
            }
        }
    }

    /** Within a larger buffer (the side file holds every migration's operations one after the other). */
    @Test
    void operationsAreReadFromTheirPlaceInTheSideFile() {
        byte[] a = OperationCodec.encode(List.of(deleteModel("a"), renameModel("b", "c")));
        byte[] b = OperationCodec.encode(List.of(addField("post", "slug", column("slug", "text"))));
        byte[] side = new byte[a.length + b.length + 3];
        System.arraycopy(a, 0, side, 1, a.length);
        System.arraycopy(b, 0, side, 1 + a.length, b.length);
        assertEquals(List.of(deleteModel("a"), renameModel("b", "c")), OperationCodec.decode(side, 1, 1 + a.length));
        assertEquals(List.of(addField("post", "slug", column("slug", "text"))),
                OperationCodec.decode(side, 1 + a.length, 1 + a.length + b.length));
    }

    @Test
    void bytesThatAreNotOperationsAreRefusedAndTheCacheSaysWhatToDo() {
        byte[] bytes = OperationCodec.encode(List.of(deleteModel("a"), deleteModel("b")));
        assertThrows(IllegalArgumentException.class, () -> OperationCodec.decode(bytes, 0, bytes.length - 1));
        assertThrows(IllegalArgumentException.class, () -> OperationCodec.decode(bytes, 0, bytes.length - 2));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> OperationCodec.decode(longer, 0, longer.length), "bytes left over");
        byte[] unknownKind = {2, 99};
        assertThrows(IllegalArgumentException.class, () -> OperationCodec.decode(unknownKind, 0, unknownKind.length));
        byte[] none = {0};
        assertThrows(IllegalArgumentException.class, () -> OperationCodec.decode(none, 0, none.length));
        var e = assertThrows(IllegalStateException.class, () -> OperationCodec.decodeCached(unknownKind, 0, unknownKind.length));
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("To fix: delete the folder"), e.getMessage());
    }

    /**
     * Every operation record with its components as the codec writes them, and each kind's number: a component or a kind
     * added fails here until {@link OperationCodec} writes it too (the nested state records: StateCodecTest).
     */
    @Test
    void theCodecKnowsEveryComponentOfEveryOperation() {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("CreateModel", "model table");
        known.put("DeleteModel", "model");
        known.put("RenameModel", "oldModel newModel");
        known.put("AlterModelTable", "model table");
        known.put("AlterModelComment", "model comment");
        known.put("AddField", "model field column");
        known.put("RemoveField", "model field");
        known.put("AlterField", "model field column");
        known.put("RenameField", "model oldField newField newColumn");
        known.put("AddIndex", "model index isConcurrent");
        known.put("RemoveIndex", "model name isConcurrent");
        known.put("RenameIndex", "model oldName newName");
        known.put("AddConstraint", "model constraint");
        known.put("RemoveConstraint", "model name");
        known.put("ValidateConstraint", "model name");
        known.put("AddConstraintUsingIndex", "model constraint index");
        known.put("RenameConstraint", "model oldName newName");
        known.put("CreateSequence", "sequence");
        known.put("AlterSequence", "sequence");
        known.put("DeleteSequence", "name");
        known.put("RunSql", "sql reverseSql touches");
        known.put("RunJava", "forward reverse touches");
        known.put("SeparateDatabaseAndState", "database state");
        known.put("SafeRemoveField", "model field action");
        known.put("SafeDeleteModel", "model action");
        known.put("RestorePendingField", "model field");
        known.put("RestorePendingModel", "model");
        known.put("RecreatePendingField", "model table column indexes constraints");
        known.put("RecreatePendingModel", "model definition");
        known.put("RenameSequence", "oldName newName");
        known.put("SafeDeleteSequence", "name action");
        known.put("RestorePendingSequence", "name");
        known.put("RecreatePendingSequence", "sequence");
        known.put("CreateCompatibilityView", "view table columns");
        known.put("DropCompatibilityView", "view");
        known.put("ForkSequence", "oldName newName headroom");
        known.put("UnforkSequence", "oldName newName headroom");
        known.put("AddColumnSync", "model source column forward backward");
        known.put("RemoveColumnSync", "model column");
        known.put("CopyColumn", "model column expression");
        known.put("SwitchColumn", "model field other otherColumn");
        known.put("CreateEnumType", "type");
        known.put("AddEnumValue", "type value before after");
        known.put("RenameEnumValue", "type oldValue newValue");
        known.put("RemoveEnumValue", "type value");
        known.put("DropEnumType", "name");
        Set<String> kinds = new HashSet<>();
        for (Class<?> type : Operation.class.getPermittedSubclasses()) {
            String name = type.getSimpleName();
            assertTrue(known.containsKey(name), "a new operation " + name + ": write and read it in OperationCodec, then add it here");
            assertEquals(known.get(name), String.join(" ", Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()),
                    name + " changed: write and read its components in OperationCodec, then update this test");
            kinds.add(name);
        }
        assertEquals(known.keySet(), kinds);
        assertEquals("tables database", String.join(" ", Arrays.stream(dev.keel.operations.Touches.class.getRecordComponents())
                .map(RecordComponent::getName).toList()), "Touches changed: write and read it in OperationCodec");
        // the kinds' numbers, in the order above: a cache's bytes mean the same operation in every build that reads them
        int number = 1;
        for (Operation op : firstOfEachKind(known.keySet())) {
            byte[] bytes = OperationCodec.encode(List.of(op));
            assertEquals(number++, bytes[1], op.getClass().getSimpleName() + "'s number");
        }
    }

    private static List<Operation> firstOfEachKind(Set<String> names) {
        var out = new ArrayList<Operation>();
        for (String name : names) {
            out.add(cases().stream().filter(op -> op.getClass().getSimpleName().equals(name)).findFirst().orElseThrow());
        }
        return out;
    }
}
