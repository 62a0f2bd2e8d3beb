package dev.keel.spring.boot.forked.migrations;

import dev.keel.migration.Migration;
import dev.keel.state.Identity;

import static dev.keel.migration.Operations.*;

/** The forked test app: a table of loans. */
public final class M0001_initial extends Migration {
    @Override
    protected void define() {
        initial();
        operations(
            createModel("loan", table("loan")
                    .entity("Loan")
                    .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                    .primaryKey("id")));
    }
}
