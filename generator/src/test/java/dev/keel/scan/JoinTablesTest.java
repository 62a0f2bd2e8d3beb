package dev.keel.scan;

import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.project.ProjectState;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Join tables and collection tables as Hibernate names and constrains them: the owner's join column of
 * a bidirectional many-to-many, the foreign keys {@code @JoinTable} and {@code @CollectionTable} (and
 * their join columns) ask for, and their indexes and unique constraints.
 */
class JoinTablesTest {
    @TempDir
    Path dir;

    private ScanFixture productsAndTags(String productFields, String tagFields) {
        return new ScanFixture(dir)
                .entity("Product", "@Entity @Table(name = \"products\") public class Product { @Id @GeneratedValue Long id;\n"
                        + productFields + "\n}")
                .entity("Tag", "@Entity public class Tag { @Id @GeneratedValue Long tagId;\n" + tagFields + "\n}");
    }

    /** Foreign keys by their columns: name, or "-" for a relation without constraint. */
    private static Map<String, String> keys(Table t) {
        var result = new TreeMap<String, String>();
        for (ForeignKey fk : t.foreignKeys()) {
            result.put(String.join(",", fk.columns()), fk.enforced() ? fk.name() : "-");
        }
        return result;
    }

    @Test
    void bidirectionalManyToManyNamesTheOwnersColumnAfterTheInverseAttribute() {
        ProjectState s = productsAndTags("@ManyToMany Set<Tag> tags;", "@ManyToMany(mappedBy = \"tags\") Set<Product> taggedProducts;")
                .scan();
        Table join = table(s, "products_tags");
        assertEquals(List.of("tagged_products_id", "tags_tag_id"), join.primaryKey().columns());
        assertEquals(Map.of("products", "tagged_products_id", "tag", "tags_tag_id"),
                Map.of(join.foreignKeys().get(0).targetTable(), join.foreignKeys().get(0).columns().get(0),
                        join.foreignKeys().get(1).targetTable(), join.foreignKeys().get(1).columns().get(0)));
    }

    @Test
    void unidirectionalManyToManyNamesTheOwnersColumnAfterTheEntity() {
        ProjectState s = productsAndTags("@ManyToMany Set<Tag> tags;", "").scan();
        assertEquals(List.of("product_id", "tags_tag_id"), table(s, "products_tags").primaryKey().columns());
    }

    @Test
    void anInverseSideOfAnotherAttributeOrAnotherClassDoesNotNameTheColumn() {
        ProjectState s = new ScanFixture(dir)
                .entity("Product", "@Entity public class Product { @Id Long id; @ManyToMany Set<Tag> tags; @ManyToMany Set<Tag> badges; }")
                .entity("Shop", "@Entity public class Shop { @Id Long id; @ManyToMany Set<Tag> tags; }")
                .entity("Tag", "@Entity public class Tag { @Id Long id; @ManyToMany(mappedBy = \"tags\") Set<Product> products; }")
                .scan();
        assertEquals(List.of("products_id", "tags_id"), columns(s, "product_tags"));
        assertEquals(List.of("badges_id", "product_id"), columns(s, "product_badges"));
        assertEquals(List.of("shop_id", "tags_id"), columns(s, "shop_tags"));
    }

    @Test
    void theInverseSideIsFoundThroughTargetEntityAndForASelfReference() {
        ProjectState s = new ScanFixture(dir)
                .entity("Member", """
                        @Entity public class Member { @Id Long id;
                          @ManyToMany Set<Member> following;
                          @ManyToMany(mappedBy = "following") Set<Member> followers; }""")
                .entity("Book", "@Entity public class Book { @Id Long id; @ManyToMany List<Writer> writers; }")
                .entity("Writer", "@Entity public class Writer { @Id Long id; @ManyToMany(mappedBy = \"writers\", targetEntity = Book.class) List<Object> works; }")
                .scan();
        assertEquals(List.of("followers_id", "following_id"), table(s, "member_following").primaryKey().columns());
        assertEquals(List.of("works_id", "writers_id"), columns(s, "book_writers"));
    }

    @Test
    void jpaNamingJoinsBothTableNamesAndKeepsTheInverseAttributeName() {
        ProjectState s = new ScanFixture(dir)
                .entity("Article", "@Entity public class Article { @Id @Column(name = \"articleId\") Long id; @ManyToMany Set<Label> labels; }")
                .entity("Label", "@Entity @Table(name = \"WikiLabel\") public class Label { @Id Long labelId;"
                        + " @ManyToMany(mappedBy = \"labels\") Set<Article> taggedArticles; }")
                .jpaNaming().scan();
        assertEquals(List.of("labels_labelid", "taggedarticles_articleid"), table(s, "article_wikilabel").primaryKey().columns());
    }

    @Test
    void namedJoinColumnsOrJoinTableKeepTheirNames() {
        ProjectState s = productsAndTags("@ManyToMany @JoinTable(name = \"product_tag\", joinColumns = @JoinColumn(name = \"product\"),"
                + " inverseJoinColumns = @JoinColumn(name = \"tag\")) Set<Tag> tags;", "@ManyToMany(mappedBy = \"tags\") Set<Product> products;")
                .scan();
        assertEquals(List.of("product", "tag"), table(s, "product_tag").primaryKey().columns());
        ProjectState named = new ScanFixture(dir.resolve("named"))
                .entity("Product", "@Entity public class Product { @Id Long id; @ManyToMany @JoinTable(name = \"product_tag\") Set<Tag> tags; }")
                .entity("Tag", "@Entity public class Tag { @Id Long id; @ManyToMany(mappedBy = \"tags\") Set<Product> products; }")
                .scan();
        assertEquals(List.of("products_id", "tags_id"), table(named, "product_tag").primaryKey().columns());
    }

    @Test
    void aJoinColumnThatNamesOnlyItsReferencedColumnStaysNamedAfterTheInverseSide() {
        ProjectState s = productsAndTags("@ManyToMany @JoinTable(name = \"product_tag\", joinColumns = @JoinColumn(referencedColumnName = \"id\"))"
                + " Set<Tag> tags;", "@ManyToMany(mappedBy = \"tags\") Set<Product> products;").scan();
        assertEquals(List.of("products_id", "tags_tag_id"), table(s, "product_tag").primaryKey().columns());
    }

    @Test
    void joinColumnForeignKeysInsideJoinTableNameTheKeys() {
        ProjectState s = productsAndTags("""
                @ManyToMany @JoinTable(name = "product_tags",
                    joinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(name = "fk_pt_product")),
                    inverseJoinColumns = @JoinColumn(name = "tag_id", foreignKey = @ForeignKey(name = "fk_pt_tag")))
                Set<Tag> tags;""", "").scan();
        assertEquals(Map.of("product_id", "fk_pt_product", "tag_id", "fk_pt_tag"), keys(table(s, "product_tags")));
    }

    @Test
    void aJoinTableOnAnElementCollectionIsItsCollectionTableUnlessACollectionTableIsWritten() {
        ProjectState s = productsAndTags("""
                @ElementCollection @JoinTable(name = "product_labels", joinColumns = @JoinColumn(name = "owner"),
                    foreignKey = @ForeignKey(name = "fk_labels_product"),
                    uniqueConstraints = @UniqueConstraint(name = "uq_label", columnNames = {"owner", "label"}))
                @Column(name = "label", length = 20) Set<String> labels;
                @ElementCollection @CollectionTable(name = "product_codes", joinColumns = @JoinColumn(name = "product"))
                @JoinTable(name = "ignored_codes") Set<String> codes;""", "").scan();
        assertEquals(Map.of("owner", "fk_labels_product"), keys(table(s, "product_labels")));
        assertEquals(List.of("owner", "label"), table(s, "product_labels").columns().stream().map(c -> c.name()).toList());
        assertEquals("varchar(20)", column(s, "product_labels", "label").type());
        assertTrue(table(s, "product_labels").uniques().stream().anyMatch(u -> "uq_label".equals(u.name())));
        assertEquals(List.of("product"), table(s, "product_codes").foreignKeys().stream().flatMap(f -> f.columns().stream()).toList());
        assertTrue(s.tables().stream().noneMatch(t -> t.name().equals("ignored_codes")));
    }

    @Test
    void joinTableForeignKeysWinOverTheirJoinColumns() {
        ProjectState s = productsAndTags("""
                @ManyToMany @JoinTable(name = "product_tags",
                    joinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(name = "fk_column")),
                    inverseJoinColumns = @JoinColumn(name = "tag_id"),
                    foreignKey = @ForeignKey(name = "fk_table_product"), inverseForeignKey = @ForeignKey(name = "fk_table_tag"))
                Set<Tag> tags;""", "").scan();
        assertEquals(Map.of("product_id", "fk_table_product", "tag_id", "fk_table_tag"), keys(table(s, "product_tags")));
    }

    @Test
    void noConstraintInJoinTablesAsHibernateHonoursIt() {
        ProjectState s = productsAndTags("""
                @ManyToMany @JoinTable(name = "favourites",
                    joinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)),
                    inverseJoinColumns = @JoinColumn(name = "tag_id", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)))
                Set<Tag> favourites;
                @ManyToMany @JoinTable(name = "watched", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),
                    inverseForeignKey = @ForeignKey(value = ConstraintMode.NO_CONSTRAINT))
                Set<Tag> watched;""", "").scan();
        assertEquals("-", keys(table(s, "favourites")).get("product_id"));
        assertTrue(keys(table(s, "favourites")).get("tag_id").matches("fk[0-9a-z]{20,25}"),
                "Hibernate 6.6 ignores NO_CONSTRAINT on an inverse join column: " + keys(table(s, "favourites")));
        assertEquals(Map.of("product_id", "-", "watched_tag_id", "-"), keys(table(s, "watched")));
    }

    @Test
    void collectionTableForeignKeyAndItsJoinColumnsName() {
        ProjectState s = productsAndTags("""
                @ElementCollection @CollectionTable(name = "images",
                    joinColumns = @JoinColumn(name = "product_id", foreignKey = @ForeignKey(name = "fk_images_product")))
                List<String> images;
                @ElementCollection @CollectionTable(name = "keywords", joinColumns = @JoinColumn(name = "product_id",
                    foreignKey = @ForeignKey(name = "fk_column")), foreignKey = @ForeignKey(name = "fk_keywords_product"))
                List<String> keywords;
                @ElementCollection @CollectionTable(name = "terms", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
                List<String> terms;
                @ElementCollection @CollectionTable(name = "notes", joinColumns = @JoinColumn(name = "product_id",
                    foreignKey = @ForeignKey(value = ConstraintMode.NO_CONSTRAINT, name = "fk_notes_product")))
                List<String> notes;""", "").scan();
        assertEquals(Map.of("product_id", "fk_images_product"), keys(table(s, "images")));
        assertEquals(Map.of("product_id", "fk_keywords_product"), keys(table(s, "keywords")));
        assertEquals(Map.of("product_id", "-"), keys(table(s, "terms")));
        assertEquals(Map.of("product_id", "fk_notes_product"), keys(table(s, "notes")),
                "Hibernate ignores NO_CONSTRAINT on a collection table's join column");
    }

    @Test
    void collectionAndJoinTablesGetTheirIndexesAndUniqueConstraints() {
        ProjectState s = productsAndTags("""
                @ElementCollection @CollectionTable(name = "product_attributes",
                    uniqueConstraints = @UniqueConstraint(name = "uk_attribute", columnNames = {"product_id", "attribute"}),
                    indexes = {@Index(columnList = "attribute"), @Index(name = "ux_value", columnList = "attributeValue", unique = true)})
                List<Attribute> attributes;
                @ManyToMany @JoinTable(name = "product_tags", indexes = @Index(name = "idx_tags_tag", columnList = "tags_tag_id DESC"),
                    uniqueConstraints = @UniqueConstraint(columnNames = {"product_id", "tags_tag_id"}))
                List<Tag> tags;""", "")
                .entity("Attribute", "@Embeddable public class Attribute { String attribute; String attributeValue; }").scan();
        Table attributes = table(s, "product_attributes");
        assertEquals(Map.of("uk_attribute", List.of("product_id", "attribute"), "ux_value", List.of("attribute_value")),
                Map.of(attributes.uniques().get(0).name(), attributes.uniques().get(0).columns(),
                        attributes.uniques().get(1).name(), attributes.uniques().get(1).columns()));
        Index hashed = attributes.indexes().get(0);
        assertTrue(hashed.name().matches("idx[0-9a-z]{20,25}"), hashed.name());
        assertEquals(List.of("attribute"), hashed.columns());
        Table tags = table(s, "product_tags");
        assertEquals(List.of(new Index("idx_tags_tag", List.of("tags_tag_id DESC"), false, null, null)), tags.indexes());
        UniqueConstraint unique = tags.uniques().get(0);
        assertEquals(List.of("product_id", "tags_tag_id"), unique.columns());
        assertEquals("product_tags_product_id_tags_tag_id_key", unique.name());
        assertNull(tags.primaryKey(), "a bag");
    }

    @Test
    void aUniqueConstraintOnAnUnknownColumnOfAJoinTableIsReported() {
        List<String> problems = productsAndTags("@ManyToMany @JoinTable(uniqueConstraints = @UniqueConstraint(columnNames = \"tag\")) Set<Tag> tags;", "")
                .problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("table products_tags has no column tag"), problems.get(0));
    }
}
