package dev.keel.spring.boot.shelf.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The shelf test app: a table of books. */
public final class M0001_initial extends Migration {
    @Override
    protected void define() {
        initial();
        operations(
            createModel("book", table("book")
                    .entity("Book")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .field("title", column("title", "varchar(200)"))
                    .primaryKey("id")));
    }
}
