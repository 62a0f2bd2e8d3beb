package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Map collections and the index columns of ordered lists. */
class MapCollectionsTest {
    @TempDir
    Path dir;

    private ScanFixture product(String fields) {
        return new ScanFixture(dir)
                .entity("Channel", "public enum Channel { WEB, STORE, MARKETPLACE }")
                .entity("Warehouse", "@Entity public class Warehouse { @Id @GeneratedValue Long id; String code; }")
                .entity("Product", "@Entity public class Product { @Id @GeneratedValue Long id;\n" + fields + "\n}");
    }

    @Test
    void aMapOfBasicsIsKeyedByItsKeyColumn() {
        ProjectState s = product("""
                @ElementCollection Map<String, String> preferences;
                @ElementCollection @CollectionTable(name = "product_attribute", joinColumns = @JoinColumn(name = "product_ref"))
                @MapKeyColumn(name = "attribute_name", length = 100) @Column(name = "attribute_value") Map<String, String> attributes;
                """).scan();
        assertEquals(List.of("product_id bigint not null", "preferences varchar(255)", "preferences_key varchar(255) not null",
                "primary key [product_id, preferences_key]", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_preferences"));
        assertEquals(List.of("product_ref bigint not null", "attribute_name varchar(100) not null", "attribute_value varchar(255)",
                "primary key [product_ref, attribute_name]", "foreign key [product_ref] -> product[id]"),
                TableText.of(s, "product_attribute"));
    }

    @Test
    void enumKeysAreOrdinalUnlessMapKeyEnumeratedSaysString() {
        ProjectState s = product("""
                @ElementCollection Map<Channel, Integer> stock;
                @ElementCollection @MapKeyEnumerated(EnumType.STRING) @MapKeyColumn(name = "channel", length = 20)
                @Column(name = "price", precision = 12, scale = 2) Map<Channel, BigDecimal> prices;
                """).scan();
        assertEquals(List.of("stock integer", "stock_key smallint not null", "product_id bigint not null",
                "primary key [stock_key, product_id]", "check stock_key between 0 and 2", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_stock"));
        assertEquals(List.of("price numeric(12,2)", "product_id bigint not null", "channel varchar(20) not null",
                "primary key [product_id, channel]", "check channel in ('WEB','STORE','MARKETPLACE')",
                "foreign key [product_id] -> product[id]"), TableText.of(s, "product_prices"));
    }

    @Test
    void keyColumnsTakeTheirTypeFromTheKeyAnnotations() {
        ProjectState s = product("""
                @ElementCollection @MapKeyColumn(name = "day") @MapKeyTemporal(TemporalType.DATE) Map<Date, String> byDay;
                @ElementCollection @MapKeyColumn(precision = 10, scale = 2, unique = true) Map<BigDecimal, Instant> byAmount;
                @ElementCollection @MapKeyClass(String.class) Map<String, Long> counters;
                @ElementCollection @Convert(converter = CodeConverter.class, attributeName = "key") Map<String, String> coded;
                """).entity("CodeConverter", """
                @Converter public class CodeConverter implements AttributeConverter<String, Integer> {
                  public Integer convertToDatabaseColumn(String s) { return null; }
                  public String convertToEntityAttribute(Integer i) { return null; } }""").scan();
        assertEquals(List.of("day date not null", "product_id bigint not null", "by_day varchar(255)", "primary key [day, product_id]",
                "foreign key [product_id] -> product[id]"), TableText.of(s, "product_by_day"));
        assertEquals(List.of("by_amount_key numeric(10,2) not null", "by_amount timestamp(6) with time zone", "product_id bigint not null",
                "primary key [by_amount_key, product_id]", "unique [by_amount_key]", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_by_amount"));
        assertEquals(List.of("counters bigint", "product_id bigint not null", "counters_key varchar(255) not null",
                "primary key [product_id, counters_key]", "foreign key [product_id] -> product[id]"), TableText.of(s, "product_counters"));
        assertEquals(List.of("coded_key integer not null", "product_id bigint not null", "coded varchar(255)",
                "primary key [coded_key, product_id]", "foreign key [product_id] -> product[id]"), TableText.of(s, "product_coded"));
    }

    @Test
    void embeddableKeysAndValuesTakeTheirOverridesByKeyAndValue() {
        ProjectState s = product("""
                @ElementCollection @MapKeyColumn(name = "locale") Map<Locale, Translation> translations;
                @ElementCollection
                @AttributeOverride(name = "key.name", column = @Column(name = "from_name"))
                @AttributeOverride(name = "key.description", column = @Column(name = "from_description"))
                @AttributeOverride(name = "value.name", column = @Column(name = "to_name"))
                @AttributeOverride(name = "description", column = @Column(name = "ignored_without_value_prefix"))
                Map<Translation, Translation> renames;
                """).entity("Translation", "@Embeddable public class Translation { String name; @Column(length = 2000) String description; }")
                .scan();
        assertEquals(List.of("product_id bigint not null", "description varchar(2000)", "locale varchar(255) not null",
                "name varchar(255)", "primary key [product_id, locale]", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_translations"));
        assertEquals(List.of("product_id bigint not null", "description varchar(2000)", "from_description varchar(255) not null",
                "from_name varchar(255) not null", "to_name varchar(255)",
                "primary key [product_id, from_description, from_name]", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_renames"));
    }

    @Test
    void entityKeysAreJoinColumnsNamedAfterTheMapUnlessNamed() {
        ProjectState s = product("""
                @ElementCollection Map<Warehouse, String> labels;
                @ElementCollection @CollectionTable(name = "stock_level") @MapKeyJoinColumn(name = "warehouse_id")
                @Column(name = "quantity", nullable = false) Map<Warehouse, Integer> stockLevels;
                @ElementCollection @MapKeyJoinColumn(foreignKey = @ForeignKey(name = "fk_named_key")) Map<Warehouse, String> named;
                """).scan();
        assertEquals(List.of("labels_key bigint not null", "product_id bigint not null", "labels varchar(255)",
                "primary key [labels_key, product_id]", "foreign key [labels_key] -> warehouse[id]", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_labels"));
        assertEquals(List.of("quantity integer not null", "product_id bigint not null", "warehouse_id bigint not null",
                "primary key [product_id, warehouse_id]", "foreign key [product_id] -> product[id]",
                "foreign key [warehouse_id] -> warehouse[id]"), TableText.of(s, "stock_level"));
        assertEquals("fk_named_key", ScanFixture.table(s, "product_named").foreignKeys().stream()
                .filter(fk -> fk.columns().equals(List.of("named_key"))).findFirst().orElseThrow().name());
    }

    @Test
    void aKeyEntityWithACompositeKeyNeedsNamedKeyColumns() {
        List<String> problems = product("@ManyToMany Map<Pair, Warehouse> byPair;")
                .entity("PairId", "@Embeddable public class PairId implements java.io.Serializable { Long a; Long b; }")
                .entity("Pair", "@Entity public class Pair { @EmbeddedId PairId id; }").problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches(".*Product\\.java:\\d+: Map byPair is keyed by Pair, whose primary key has 2 columns, "
                + "without naming its key columns.*To fix: name one @MapKeyJoinColumn per key column.*"), problems.get(0));
        ProjectState s = new ScanFixture(dir).entity("Product", """
                @Entity public class Product { @Id @GeneratedValue Long id;
                  @ManyToMany @MapKeyJoinColumns({@MapKeyJoinColumn(name = "pk_a", referencedColumnName = "a"),
                    @MapKeyJoinColumn(name = "pk_b", referencedColumnName = "b")}) Map<Pair, Warehouse> byPair; }""").scan();
        assertEquals(List.of("by_pair_id bigint not null", "pk_a bigint not null", "pk_b bigint not null", "product_id bigint not null",
                "primary key [pk_a, pk_b, product_id]", "foreign key [by_pair_id] -> warehouse[id]", "foreign key [pk_a, pk_b] -> pair[a, b]",
                "foreign key [product_id] -> product[id]"), TableText.of(s, "product_by_pair"));
    }

    @Test
    void associationMapsKeyTheirJoinTable() {
        ProjectState s = product("""
                @ManyToMany @JoinTable(name = "product_preferred_supplier") @MapKeyJoinColumn(name = "warehouse_id")
                Map<Warehouse, Supplier> preferredSuppliers;
                @ManyToMany @MapKeyColumn(name = "featured_rank") Map<Integer, Supplier> featured;
                @OneToMany @MapKey(name = "name") Map<String, Supplier> suppliersByName;
                @OneToMany Map<String, Supplier> plainSuppliers;
                """).entity("Supplier", "@Entity public class Supplier { @Id @GeneratedValue Long id; String name; }").scan();
        assertEquals(List.of("preferred_suppliers_id bigint not null", "product_id bigint not null", "warehouse_id bigint not null",
                "primary key [product_id, warehouse_id]", "foreign key [preferred_suppliers_id] -> supplier[id]",
                "foreign key [product_id] -> product[id]", "foreign key [warehouse_id] -> warehouse[id]"),
                TableText.of(s, "product_preferred_supplier"));
        assertEquals(List.of("featured_rank integer not null", "featured_id bigint not null", "product_id bigint not null",
                "primary key [featured_rank, product_id]", "foreign key [featured_id] -> supplier[id]",
                "foreign key [product_id] -> product[id]"), TableText.of(s, "product_featured"));
        assertEquals(List.of("product_id bigint not null", "suppliers_by_name_id bigint not null",
                "primary key [product_id, suppliers_by_name_id]", "unique [suppliers_by_name_id]",
                "foreign key [product_id] -> product[id]", "foreign key [suppliers_by_name_id] -> supplier[id]"),
                TableText.of(s, "product_suppliers_by_name"));
        assertEquals(List.of("plain_suppliers_id bigint not null", "product_id bigint not null", "plain_suppliers_key varchar(255) not null",
                "primary key [product_id, plain_suppliers_key]", "unique [plain_suppliers_id]",
                "foreign key [plain_suppliers_id] -> supplier[id]", "foreign key [product_id] -> product[id]"),
                TableText.of(s, "product_plain_suppliers"));
    }

    @Test
    void oneToManyMapsWithoutJoinTablePutTheirKeyOnTheTarget() {
        ProjectState s = new ScanFixture(dir)
                .entity("Note", "@Entity public class Note { @Id @GeneratedValue Long id; String code; @ManyToOne Account account; }")
                .entity("Account", """
                        @Entity public class Account { @Id @GeneratedValue Long id;
                          @OneToMany(mappedBy = "account") @MapKeyColumn(name = "slot", length = 40) Map<String, Note> bySlot;
                          @OneToMany(mappedBy = "account") @MapKeyColumn(name = "code") Map<String, Note> byCode;
                          @OneToMany(mappedBy = "account") @MapKey(name = "code") Map<String, Note> byCodeAttribute;
                          @OneToMany(mappedBy = "account") Map<Account, Note> byAccount;
                          @OneToMany @JoinColumn(name = "holder") @MapKeyJoinColumn(name = "ref") Map<Account, Note> byRef; }""").scan();
        assertEquals(List.of("account_id bigint", "by_account_key bigint", "holder bigint", "id bigint not null", "ref bigint not null",
                "slot varchar(40)", "code varchar(255)", "primary key [id]", "foreign key [account_id] -> account[id]",
                "foreign key [by_account_key] -> account[id]", "foreign key [holder] -> account[id]", "foreign key [ref] -> account[id]"),
                TableText.of(s, "note"));
    }

    @Test
    void aKeyColumnTheTargetMapsItselfStaysAsTheTargetMapsIt() {
        ProjectState s = new ScanFixture(dir)
                .entity("Category", "@Entity public class Category { @Id @GeneratedValue Long id; }")
                .entity("Note", "@Entity public class Note { @Id @GeneratedValue Long id; @ManyToOne Account account; @ManyToOne Category category; }")
                .entity("Account", """
                        @Entity public class Account { @Id @GeneratedValue Long id;
                          @OneToMany(mappedBy = "account") @MapKeyJoinColumn(name = "category_id") Map<Category, Note> notesByCategory; }""")
                .scan();
        assertEquals(List.of("account_id bigint", "category_id bigint", "id bigint not null", "primary key [id]",
                "foreign key [account_id] -> account[id]", "foreign key [category_id] -> category[id]"), TableText.of(s, "note"));
    }

    @Test
    void aKeyColumnThatCollidesInTheCollectionTableIsReported() {
        List<String> problems = product("@ManyToMany @MapKeyJoinColumn(name = \"product_id\") Map<Warehouse, Warehouse> backups;").problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("column product_id of table product_backups is mapped twice (again by the key of Map backups)"),
                problems.get(0));
    }

    @Test
    void orderColumnsOfOneToManyWithoutJoinTableAreOnTheTarget() {
        ProjectState s = new ScanFixture(dir)
                .entity("Line", "@Entity public class Line { @Id @GeneratedValue Long id; @ManyToOne Invoice invoice; }")
                .entity("Item", "@Entity public class Item { @Id @GeneratedValue Long id; }")
                .entity("Note", "@Entity public class Note { @Id @GeneratedValue Long id; }")
                .entity("Invoice", """
                        @Entity public class Invoice { @Id @GeneratedValue Long id;
                          @OneToMany(mappedBy = "invoice") @OrderColumn List<Line> lines;
                          @OneToMany @JoinColumn(name = "invoice_id") @OrderColumn(name = "position", nullable = false) List<Item> items;
                          @OneToMany @JoinColumn(name = "invoice_id") @OrderColumn(columnDefinition = "smallint") List<Note> notes; }""").scan();
        assertEquals(List.of("lines_order integer", "id bigint not null", "invoice_id bigint", "primary key [id]",
                "foreign key [invoice_id] -> invoice[id]"), TableText.of(s, "line"));
        assertEquals(List.of("position integer not null", "id bigint not null", "invoice_id bigint", "primary key [id]",
                "foreign key [invoice_id] -> invoice[id]"), TableText.of(s, "item"));
        assertEquals(List.of("notes_order smallint", "id bigint not null", "invoice_id bigint", "primary key [id]",
                "foreign key [invoice_id] -> invoice[id]"), TableText.of(s, "note"));
    }
}
