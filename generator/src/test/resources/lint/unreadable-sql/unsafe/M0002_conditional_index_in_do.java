package com.example.shop.migrations;

import dev.keel.migration.Migration;

import static dev.keel.migration.Operations.*;

/** A conditional index build, lower case, with a tagged dollar quote. */
public final class M0002_conditional_index_in_do extends Migration {
    @Override
    protected void define() {
        dependsOn("shop", "0001_initial");
        operations(
                runSql("""
                    do $body$
                    begin
                      if not exists (select 1 from pg_indexes where indexname = 'ix_orders_total') then
                        create index ix_orders_total on orders (total);
                      end if;
                    end
                    $body$;
                    """));
    }
}
