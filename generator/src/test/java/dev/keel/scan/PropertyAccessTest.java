package dev.keel.scan;

import dev.keel.state.Identity;
import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.column;
import static dev.keel.scan.ScanFixture.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Property access: mapping annotations on getters, {@code @Access} on classes and members. */
class PropertyAccessTest {
    @TempDir
    Path dir;

    @Test
    void idOnAGetterMapsTheGettersAndIgnoresTheFields() {
        ProjectState s = new ScanFixture(dir).entity("Customer", """
                @Entity public class Customer {
                  private Long id; private transient String lastName; private String unmappedField; private boolean active;
                  @Id @GeneratedValue public Long getId() { return id; }
                  public void setId(Long id) { this.id = id; }
                  @Column(name = "family_name", length = 120) public String getLastName() { return lastName; }
                  public boolean isActive() { return active; }
                  public Boolean isNewsletter() { return null; }
                  public String getHomepageURL() { return null; }
                  public String getURL() { return null; }
                  @Transient public String getDisplayName() { return lastName; }
                  public static String getLabel() { return "x"; }
                  public String getInitials(boolean dots) { return ""; }
                  public void getReady() { }
                  public String get() { return ""; }
                  public String fetchName() { return ""; }
                }""").scan();
        assertEquals(List.of("active boolean not null", "newsletter boolean", "id bigint not null", "family_name varchar(120)",
                "homepageurl varchar(255)", "url varchar(255)", "primary key [id]"), TableText.of(s, "customer"));
    }

    @Test
    void propertyNamesComeFromTheGetterAsHibernateDecapitalizesThem() {
        ProjectState s = new ScanFixture(dir).entity("Customer", """
                @Entity public class Customer {
                  @Id public Long getId() { return null; }
                  public String getFirstName() { return null; }
                  public String getXCoordinate() { return null; }
                  public boolean isVip() { return false; }
                }""").scan();
        assertEquals(List.of("first_name", "id", "vip", "xcoordinate"), columns(s, "customer").stream().sorted().toList());
    }

    @Test
    void accessOnAMemberAddsItWhateverTheClassAccess() {
        ProjectState s = new ScanFixture(dir)
                .entity("Customer", """
                        @Entity public class Customer {
                          @Access(AccessType.FIELD) private int loyaltyPoints;
                          private String ignored;
                          @Id public Long getId() { return null; }
                        }""")
                .entity("Product", """
                        @Entity public class Product {
                          @Id Long id;
                          @Transient String slug;
                          @Access(AccessType.PROPERTY) @Column(name = "url_slug", length = 160) public String getSlug() { return null; }
                          @Column(name = "never") public String getName() { return null; }
                          String name;
                        }""").scan();
        assertEquals(List.of("loyalty_points integer not null", "id bigint not null", "primary key [id]"), TableText.of(s, "customer"));
        assertEquals(List.of("id bigint not null", "url_slug varchar(160)", "name varchar(255)", "primary key [id]"),
                TableText.of(s, "product"));
    }

    @Test
    void theTopmostClassAccessIsTheDefaultAndAClassAccessOverridesIt() {
        ProjectState s = new ScanFixture(dir)
                .entity("BaseDocument", """
                        @MappedSuperclass @Access(AccessType.FIELD) public abstract class BaseDocument {
                          @Id @GeneratedValue protected Long id; protected String title; }""")
                .entity("Coupon", """
                        @Entity @Access(AccessType.PROPERTY) public class Coupon extends BaseDocument {
                          private String internalNote;
                          @Column(name = "coupon_code", nullable = false, length = 24) public String getCode() { return null; }
                          public LocalDate getValidUntil() { return null; }
                        }""").scan();
        assertEquals(List.of("valid_until date", "id bigint not null", "coupon_code varchar(24) not null", "title varchar(255)",
                "primary key [id]"), TableText.of(s, "coupon"));
    }

    @Test
    void anIdGetterInAMappedSuperclassGivesTheWholeHierarchyPropertyAccess() {
        ProjectState s = new ScanFixture(dir)
                .entity("AuditedEntity", """
                        @MappedSuperclass public abstract class AuditedEntity {
                          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long getId() { return null; }
                          @Version public long getVersion() { return 0; }
                        }""")
                .entity("Invoice", """
                        @Entity public class Invoice extends AuditedEntity {
                          private String notMapped;
                          @Column(unique = true, length = 30) public String getNumber() { return null; }
                        }""").scan();
        assertEquals(List.of("id bigint not null", "version bigint not null", "number varchar(30)", "primary key [id]",
                "unique [number]"), TableText.of(s, "invoice"));
        assertEquals(Identity.BY_DEFAULT, column(s, "invoice", "id").identity());
    }

    @Test
    void anEmbeddableFollowsItsEmbeddingAccessUnlessItDeclaresItsOwn() {
        ProjectState s = new ScanFixture(dir)
                .entity("PostalAddress", """
                        @Embeddable public class PostalAddress { private String street;
                          @Column(name = "billing_street", length = 200) public String getStreet() { return street; } }""")
                .entity("Money", """
                        @Embeddable @Access(AccessType.FIELD) public class Money {
                          @Column(precision = 14, scale = 2) private BigDecimal amount;
                          public boolean isZero() { return false; } }""")
                .entity("Invoice", """
                        @Entity public class Invoice {
                          @Id public Long getId() { return null; }
                          public PostalAddress getBillingAddress() { return null; }
                          public Money getTotal() { return null; }
                          @ElementCollection @OrderColumn public List<Money> getPayments() { return null; }
                        }""").scan();
        assertEquals(List.of("amount numeric(14,2)", "id bigint not null", "billing_street varchar(200)", "primary key [id]"),
                TableText.of(s, "invoice"));
        assertEquals(List.of("amount numeric(14,2)", "payments_order integer not null", "invoice_id bigint not null",
                "primary key [payments_order, invoice_id]", "foreign key [invoice_id] -> invoice[id]"), TableText.of(s, "invoice_payments"));
    }

    @Test
    void anEmbeddedGetterUsesTheEmbeddablesGettersAndCollectionElementsFollowTheIdentifier() {
        ProjectState s = new ScanFixture(dir)
                .entity("Address", """
                        @Embeddable public class Address { @Column(name = "field_street") String street;
                          @Column(name = "getter_street") public String getStreet() { return street; } }""")
                .entity("Base", "@MappedSuperclass @Access(AccessType.FIELD) public abstract class Base { @Id Long id; }")
                .entity("Coupon", """
                        @Entity @Access(AccessType.PROPERTY) public class Coupon extends Base {
                          public Address getIssuer() { return null; }
                          @ElementCollection public List<Address> getStores() { return null; }
                          @ElementCollection @Access(AccessType.PROPERTY) public List<Address> getOutlets() { return null; }
                        }""").scan();
        assertEquals(List.of("id bigint not null", "getter_street varchar(255)", "primary key [id]"), TableText.of(s, "coupon"));
        assertEquals(List.of("coupon_id bigint not null", "field_street varchar(255)", "foreign key [coupon_id] -> coupon[id]"),
                TableText.of(s, "coupon_stores"));
        assertEquals(List.of("coupon_id bigint not null", "getter_street varchar(255)", "foreign key [coupon_id] -> coupon[id]"),
                TableText.of(s, "coupon_outlets"));
    }

    @Test
    void beanValidationReadsTheConstraintsOfTheFieldAndOfItsGetter() {
        ProjectState s = new ScanFixture(dir).beanValidation()
                .entity("Plain", """
                        @Entity public class Plain { @Id Long id; String name; boolean other;
                          @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 40)
                          public String getName() { return name; }
                          @jakarta.validation.constraints.AssertTrue public boolean hasOther() { return other; } }""")
                .entity("Prop", """
                        @Entity public class Prop { @jakarta.validation.constraints.NotNull private String title;
                          @Id public Long getId() { return null; }
                          public String getTitle() { return title; } }""").scan();
        assertEquals(List.of("other boolean not null", "id bigint not null", "name varchar(40) not null", "primary key [id]"),
                TableText.of(s, "plain"));
        assertEquals(List.of("id bigint not null", "title varchar(255) not null", "primary key [id]"), TableText.of(s, "prop"));
    }

    @Test
    void aSequenceGeneratorOnAGetterIsFound() {
        ProjectState s = new ScanFixture(dir).entity("Ticket", """
                @Entity public class Ticket {
                  @Id @GeneratedValue(generator = "tickets") @SequenceGenerator(name = "tickets", sequenceName = "ticket_numbers", allocationSize = 10)
                  public Long getId() { return null; }
                }""").scan();
        assertNotNull(s.sequences().stream().filter(q -> q.name().equals("ticket_numbers") && q.increment() == 10).findFirst().orElse(null),
                s.sequences().toString());
    }

    @Test
    void twoGettersOfOnePropertyAreReported() {
        List<String> problems = new ScanFixture(dir).entity("Flag", """
                @Entity public class Flag {
                  @Id public Long getId() { return null; }
                  public boolean isActive() { return true; }
                  public Boolean getActive() { return true; }
                }""").problems();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).matches(".*Flag\\.java:\\d+: methods isActive\\(\\) and getActive\\(\\) of Flag are both getters of "
                + "property active, which Hibernate refuses\\. To fix: .*"), problems.get(0));
    }
}
