package dev.keel.project;

import dev.keel.operations.DeletionAction;
import dev.keel.operations.Operation;
import dev.keel.state.Identity;

import java.util.List;

import static dev.keel.migration.Operations.*;

/**
 * A rich project state for tests, built the way migrations build it (by applying operations):
 * every constraint kind, identity columns, defaults, comments, a partial index, a schema-qualified
 * table, sequences, a pending column and a pending table.
 */
public final class StateFixtures {
    /** The app every fixture table belongs to. */
    public static final String APP = "blog";

    private StateFixtures() {}

    /** The operations that build {@link #blog()}. */
    public static List<Operation> blogOperations() {
        return List.of(
                createSequence(sequence("author_seq").startWith(1).incrementBy(50)),
                createSequence(sequence("post_seq").startWith(1).incrementBy(50)),
                createModel("Author", table("author").entity("Author")
                        .field("id", column("id", "bigint"))
                        .field("email", column("email", "varchar(255)"))
                        .field("name", column("name", "varchar(255)"))
                        .primaryKey("id")
                        .constraint(unique("uk_author_email", "email").deferrable())),
                createModel("Tag", table("tag").entity("Tag")
                        .field("id", column("id", "bigint"))
                        .field("name", column("name", "varchar(255)"))
                        .primaryKey("id")
                        .constraint(unique("uk_tag_name", "name"))),
                createModel("Post", table("post").entity("Post").comment("Blog posts")
                        .field("id", column("id", "bigint"))
                        .field("title", column("title", "varchar(255)"))
                        .field("status", column("status", "varchar(20)").defaultSql("'draft'"))
                        .field("createdAt", column("created_at", "timestamptz"))
                        .field("author", column("author_id", "bigint"))
                        .field("legacyFlag", column("legacy_flag", "boolean").nullable().comment("unused since 2023"))
                        .primaryKey("id")
                        .constraint(foreignKey("fk_post_author", "author_id").references("author", "id").onDelete("cascade"))
                        .constraint(check("ck_post_status", "status IN ('draft', 'published')").notValid())
                        .index(index("idx_post_created", "created_at DESC").where("status = 'published'"))),
                createModel("post_tags", table("post_tags")
                        .column(column("post_id", "bigint"))
                        .column(column("tags_id", "bigint"))
                        .primaryKey("post_id", "tags_id")
                        .constraint(foreignKey("fk_post_tags_post", "post_id").references("post", "id"))
                        .constraint(foreignKey("fk_post_tags_tag", "tags_id").references("tag", "id").noConstraint())),
                createModel("Note", table("note").entity("Note")
                        .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                        .field("body", column("body", "text").nullable())
                        .primaryKey("id")
                        .index(index("idx_note_body", "body").using("gin"))
                        .index(index("uk_note_body", "body").unique())),
                createModel("AuditLog", table("audit_log").schema("archive").entity("AuditLog")
                        .field("id", column("id", "integer").identity(Identity.ALWAYS))
                        .field("payload", column("payload", "jsonb"))
                        .primaryKey("id")),
                addField("tag", "oldCode", column("old_code", "varchar(10)").nullable()),
                safeRemoveField("tag", "oldCode", DeletionAction.MOVE_TO_PENDING),
                createModel("Legacy", table("legacy").entity("Legacy").field("id", column("id", "bigint")).primaryKey("id")),
                safeDeleteModel("legacy", DeletionAction.MOVE_TO_PENDING));
    }

    /** The state {@link #blogOperations()} build for app {@link #APP}. */
    public static ProjectState blog() {
        ProjectState state = ProjectState.EMPTY;
        for (Operation op : blogOperations()) {
            state = StateTransitions.apply(op, APP, state);
        }
        return state;
    }
}
