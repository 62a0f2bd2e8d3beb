package dev.keel.diagram;

import dev.keel.config.KeelConfig;
import dev.keel.graph.MigrationGraph;
import dev.keel.load.ProjectMigrations;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.project.ProjectState;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.keel.migration.Operations.*;

/** The projects the diagram tests draw: the blog sample as it is on disk, and projects built in code. */
public final class Fixtures {
    private Fixtures() {}

    public static final Path BLOG = Path.of("..", "src-samples", "blog").toAbsolutePath().normalize();

    /** The blog sample's migrations, read from its files. */
    public static List<MigrationSpec> blog() {
        return ProjectMigrations.readSources(KeelConfig.read(BLOG), BLOG);
    }

    public static MigrationSpec spec(String key, List<String> deps, Operation... ops) {
        return new MigrationSpec(key(key), deps.stream().map(Fixtures::key).toList(), Arrays.asList(ops), true, false,
                deps.isEmpty(), List.of(), null);
    }

    public static MigrationKey key(String key) {
        int dot = key.indexOf('.');
        return new MigrationKey(key.substring(0, dot), key.substring(dot + 1));
    }

    /**
     * Names every format must take care of: schema-qualified tables, SQL and Mermaid keywords as table and column
     * names (order, end, class, pk), spaces, quotes, percent signs and a backslash in names, types with spaces and
     * commas, an array type; keys of every kind (composite primary key, composite unique, unique index, a one-to-one
     * foreign key, one without a database constraint, one across apps and schemas), and a column pending deletion.
     */
    public static final List<MigrationSpec> AWKWARD = List.of(
            spec("billing.0001_initial", List.of(),
                    createModel("Customer", table("customer").schema("billing")
                            .field("id", column("id", "bigint"))
                            .field("email", column("email", "varchar(320)"))
                            .field("name", column("Full Name", "text").nullable())
                            .primaryKey("id")
                            .constraint(unique("uk_customer_email", "email"))),
                    createModel("Invoice", table("invoice").schema("billing")
                            .field("id", column("id", "bigint"))
                            .field("amount", column("amount", "numeric(10,2)"))
                            .field("issuedAt", column("issued_at", "timestamp with time zone"))
                            .field("customer", column("customer_id", "bigint"))
                            .field("lines", column("lines", "text[]").nullable())
                            .primaryKey("id")
                            .constraint(foreignKey("fk_invoice_customer", "customer_id")
                                    .references("billing.customer", "id").onDelete("CASCADE")))),
            spec("shop.0001_initial", List.of("billing.0001_initial"),
                    createModel("Order", table("order")
                            .field("pk", column("pk", "bigint"))
                            .field("orderDate", column("Order Date", "date").nullable())
                            .field("end", column("end", "varchar(20)"))
                            .field("class", column("class", "text[]").nullable())
                            .field("weird", column("we\"ird%\\col", "double precision").nullable())
                            .field("invoice", column("invoice_id", "bigint").nullable())
                            .field("legacy", column("legacy", "integer").nullable())
                            .primaryKey("pk")
                            .constraint(foreignKey("fk_order_invoice", "invoice_id").references("billing.invoice", "id"))),
                    createModel("End", table("end")
                            .field("order", column("order_pk", "bigint"))
                            .field("position", column("position", "integer"))
                            .field("note", column("note", "time(3) without time zone").nullable())
                            .primaryKey("order_pk", "position")
                            .constraint(foreignKey("fk_end_order", "order_pk").references("order", "pk"))),
                    createModel("Shipment", table("shipment <1>")
                            .field("id", column("id", "uuid"))
                            .field("order", column("order_pk", "bigint"))
                            .field("code", column("code", "varchar(12)"))
                            .field("region", column("region", "char(2)"))
                            .primaryKey("id")
                            .constraint(unique("uk_shipment_order", "order_pk"))
                            .constraint(unique("uk_shipment_code_region", "code", "region"))
                            .constraint(foreignKey("fk_shipment_order", "order_pk").references("order", "pk").noConstraint())),
                    addIndex("Shipment", index("ux_shipment_region_id", "region", "id").unique())),
            spec("shop.0002_drop_legacy", List.of("shop.0001_initial"),
                    createModel("Coupon", table("coupon")
                            .field("code", column("code", "varchar(20)"))
                            .field("order", column("order_pk", "bigint").nullable())
                            .primaryKey("code")
                            .constraint(foreignKey("fk_coupon_order", "order_pk").references("order", "pk"))),
                    removeConstraint("Coupon", "fk_coupon_order"),
                    safeRemoveField("Order", "legacy", DeletionAction.MOVE_TO_PENDING),
                    safeDeleteModel("Coupon", DeletionAction.MOVE_TO_PENDING)));

    /** What a branch of the AWKWARD project changes: a column added, one removed, one altered, one left pending deletion (with its foreign key), a table added and one deleted. */
    public static final List<MigrationSpec> AWKWARD_BRANCH = List.of(
            spec("shop.0003_branch", List.of("shop.0002_drop_legacy"),
                    addField("Order", "note", column("note", "varchar(500)").nullable()),
                    removeField("Order", "class"),
                    alterField("Order", "end", column("end", "varchar(40)").nullable()),
                    deleteModel("End"),
                    safeRemoveField("Order", "invoice", DeletionAction.MOVE_TO_PENDING),
                    createModel("Refund", table("refund").schema("billing")
                            .field("id", column("id", "bigint"))
                            .field("order", column("order_pk", "bigint"))
                            .primaryKey("id")
                            .constraint(foreignKey("fk_refund_order", "order_pk").references("order", "pk")))));

    public static ProjectState state(List<MigrationSpec> specs) {
        return MigrationGraph.of(specs).latestState();
    }

    /** Two apps: a cross-app dependency, a merge, a squash with its replaced migrations still there, another whose are gone, a post-deployment migration. */
    public static List<MigrationSpec> graph() {
        return List.of(
                plain("users.0001_initial", List.of()),
                plain("users.0002_add_email", List.of("users.0001_initial")),
                plain("users.0003_add_phone", List.of("users.0002_add_email")),
                squash("users.0001_squashed_0003", List.of(), List.of("users.0001_initial", "users.0002_add_email",
                        "users.0003_add_phone")),
                plain("users.0004_add_avatar", List.of("users.0003_add_phone")),
                plain("shop.0001_initial", List.of("users.0002_add_email")),
                plain("shop.0002_add_price", List.of("shop.0001_initial")),
                plain("shop.0002_add_stock", List.of("shop.0001_initial")),
                plain("shop.0003_merge", List.of("shop.0002_add_price", "shop.0002_add_stock")),
                postDeploy("shop.0004_drop_old_price", List.of("shop.0003_merge")),
                squash("end.0001_squashed_0002", List.of("users.0001_squashed_0003"), List.of("end.0001_initial",
                        "end.0002_more")),
                plain("end.0003_after", List.of("end.0002_more")));
    }

    public static MigrationSpec plain(String key, List<String> deps) {
        return new MigrationSpec(key(key), deps.stream().map(Fixtures::key).toList(), List.of(), true, false,
                deps.stream().noneMatch(d -> key(d).app().equals(key(key).app())), List.of(), null);
    }

    public static MigrationSpec postDeploy(String key, List<String> deps) {
        return new MigrationSpec(key(key), deps.stream().map(Fixtures::key).toList(), List.of(), true, true, false,
                List.of(), null);
    }

    public static MigrationSpec squash(String key, List<String> deps, List<String> replaces) {
        return new MigrationSpec(key(key), deps.stream().map(Fixtures::key).toList(), List.of(), true, false, true,
                replaces.stream().map(Fixtures::key).toList(), null);
    }
}
