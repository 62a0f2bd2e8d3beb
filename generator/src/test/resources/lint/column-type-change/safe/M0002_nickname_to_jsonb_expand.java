package com.example.shop.migrations;

import dev.keel.migration.Migration;
import dev.keel.operations.DeletionAction;

import static dev.keel.migration.Operations.*;

/** Changes the type as keel writes it: a column of the new type beside the old one, kept in step by a trigger. */
public final class M0002_nickname_to_jsonb_expand extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                addField("customer", "nicknameKeelNew", column("nickname_keel_new", "jsonb").nullable()),
                addColumnSync("customer", "nickname", "nickname_keel_new", "to_jsonb(nickname)", "nickname_keel_new #>> '{}'"));
    }
}
