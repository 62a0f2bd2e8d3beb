package dev.keel.scan;

import dev.keel.state.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class-level {@code @AssociationOverride} on relations an entity inherits, as Hibernate 6.6 applies it (oracle sample
 * {@code overrides}): the override's join columns and join table, the key named by its {@code foreignKey} alone, nothing
 * on a relation of the key; an override keel cannot reproduce is refused where it is written.
 */
class AssociationOverridesTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            @MappedSuperclass
            public abstract class Step {
                @Id Long id;
                @ManyToOne @JoinColumn(name = "owner_id", foreignKey = @ForeignKey(name = "step_owner_fk")) Person owner;
                @ManyToOne Person helper;
                @Embedded Spot spot;
            }""";

    private ScanFixture fixture(String name, String overrides) {
        return new ScanFixture(dir.resolve(name))
                .entity("Person", "@Entity public class Person { @Id Long id; }")
                .entity("Spot", "@Embeddable public class Spot { @ManyToOne Person keeper; }")
                .entity("Step", BASE)
                .entity("Review", overrides + "\n@Entity public class Review extends Step { }");
    }

    @Test
    void theOverridesJoinColumnsAndForeignKeyNameReplaceTheRelations() {
        Table review = fixture("ok", """
                @AssociationOverride(name = "owner", joinColumns = @JoinColumn(name = "reviewer",
                        foreignKey = @ForeignKey(name = "ignored_fk")))
                @AssociationOverride(name = "helper", joinColumns = @JoinColumn(name = "second"),
                        foreignKey = @ForeignKey(name = "review_helper_fk"))""")
                .scan().tables().stream().filter(t -> t.name().equals("review")).findFirst().orElseThrow();
        assertTrue(review.findColumn("reviewer").isPresent() && review.findColumn("owner_id").isEmpty(), review.toString());
        assertTrue(review.findColumn("second").isPresent() && review.findColumn("helper_id").isEmpty(), review.toString());
        List<String> keys = review.foreignKeys().stream().map(fk -> fk.columns() + ":" + fk.name()).sorted().toList();
        assertTrue(keys.contains("[second]:review_helper_fk"), keys.toString());
        assertTrue(keys.stream().noneMatch(k -> k.contains("ignored_fk") || k.contains("step_owner_fk")), keys.toString());
    }

    @Test
    void anOverrideKeelCannotReproduceIsRefusedWhereItIsWritten() {
        List<String> problems = fixture("refused", """
                @AssociationOverride(name = "spot.keeper", joinColumns = @JoinColumn(name = "keeper"))
                @AssociationOverride(name = "nobody", joinColumns = @JoinColumn(name = "x"))
                @AssociationOverride(name = "helper", foreignKey = @ForeignKey(name = "review_helper_fk"))""")
                .problems();
        String all = String.join("\n", problems);
        assertEquals(3, problems.size(), all);
        assertTrue(all.contains("Review.java:11: @AssociationOverride(name = \"spot.keeper\") on class Review names a relation"
                + " inside an embeddable"), all);
        assertTrue(all.contains("@AssociationOverride(name = \"nobody\") on class Review names no relation Review maps"), all);
        assertTrue(all.contains("@AssociationOverride(name = \"helper\") writes no joinColumns: Hibernate 6 then maps the to-one"
                + " relation through a join table"), all);
    }
}
