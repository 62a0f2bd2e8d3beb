package com.example.blog.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/**
 * Creates the blog's tables: authors, tags, posts and the tags of each post. Columns are in the
 * order Hibernate gives them (by size, then by name), ids come from sequences by 50.
 */
public final class M0001_initial extends Migration {
    @Override
    protected void define() {
        initial();
        operations(
                createSequence(sequence("author_seq").startWith(1).incrementBy(50)),
                createSequence(sequence("post_seq").startWith(1).incrementBy(50)),
                createSequence(sequence("tag_seq").startWith(1).incrementBy(50)),
                createModel("Author", table("author").entity("Author")
                        .field("id", column("id", "bigint"))
                        .field("email", column("email", "varchar(255)"))
                        .field("name", column("name", "varchar(255)"))
                        .primaryKey("id")
                        .constraint(unique("uk_author_email", "email"))),
                createModel("Tag", table("tag").entity("Tag")
                        .field("id", column("id", "bigint"))
                        .field("name", column("name", "varchar(255)"))
                        .primaryKey("id")
                        .constraint(unique("uk_tag_name", "name"))),
                createModel("Post", table("post").entity("Post")
                        .field("published", column("published", "boolean"))
                        .field("author", column("author_id", "bigint"))
                        .field("createdAt", column("created_at", "timestamp(6) with time zone"))
                        .field("id", column("id", "bigint"))
                        .field("title", column("title", "varchar(255)"))
                        .primaryKey("id")
                        .constraint(foreignKey("fk_post_author", "author_id").references("author", "id"))),
                createModel("post_tags", table("post_tags")
                        .column(column("post_id", "bigint"))
                        .column(column("tags_id", "bigint"))
                        .primaryKey("post_id", "tags_id")
                        .constraint(foreignKey("fk_post_tags_post", "post_id").references("post", "id"))
                        .constraint(foreignKey("fk_post_tags_tag", "tags_id").references("tag", "id"))));
    }
}
