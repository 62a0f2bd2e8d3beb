package dev.keel.diff.rules;

import dev.keel.diff.DiffContext;
import dev.keel.state.Table;

import java.util.stream.Stream;

/** Which app an object without a model belongs to. */
final class Owners {
    private Owners() {}

    /**
     * The app of a sequence: the app of the table named like it ({@code post_seq} belongs with
     * {@code post}), else the first app that has tables.
     */
    /** The app of the first table (by app and model) with a column of the enum type, in the entities or the migrations. */
    static String appOfEnumType(DiffContext ctx, String type) {
        return Stream.concat(ctx.target().tables().stream(), ctx.current().tables().stream())
                .filter(t -> t.columns().stream().anyMatch(c -> dev.keel.state.EnumType.isOfType(c.type(), type)))
                .map(Table::app).findFirst()
                .orElseGet(() -> Stream.concat(ctx.target().tables().stream(), ctx.current().tables().stream())
                        .map(Table::app).sorted().findFirst().orElse("default"));
    }

    static String appOfSequence(DiffContext ctx, String sequence) {
        String base = sequence.endsWith("_seq") ? sequence.substring(0, sequence.length() - 4) : sequence;
        return Stream.concat(ctx.target().tables().stream(), ctx.current().tables().stream())
                .filter(t -> t.name().equalsIgnoreCase(base) || (t.entity() != null && t.entity().equalsIgnoreCase(base)))
                .map(Table::app).findFirst()
                .orElseGet(() -> Stream.concat(ctx.target().tables().stream(), ctx.current().tables().stream())
                        .map(Table::app).sorted().findFirst().orElse("default"));
    }
}
