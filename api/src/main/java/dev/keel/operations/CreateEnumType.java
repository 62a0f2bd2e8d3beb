package dev.keel.operations;

import dev.keel.state.EnumType;

import java.util.Objects;

/**
 * Creates a PostgreSQL enum type ({@code CREATE TYPE ... AS ENUM (...)}) with the implicit casts from and to
 * {@code varchar} that Hibernate 6.6 creates with it. Comes before the columns of that type.
 */
public record CreateEnumType(EnumType type) implements Operation {
    public CreateEnumType { Objects.requireNonNull(type, "type"); }

    @Override public String describe() { return "Create enum type " + type.name() + " " + type.values(); }
    @Override public String nameFragment() { return Ops.snake(type.name()) + "_enum"; }
    @Override public <R> R accept(OperationVisitor<R> v) { return v.visit(this); }
}
