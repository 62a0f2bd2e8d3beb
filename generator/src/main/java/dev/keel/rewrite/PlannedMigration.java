package dev.keel.rewrite;

import dev.keel.operations.Operation;

import java.util.List;

/** The operations of one migration to write, with how it runs. */
public record PlannedMigration(List<Operation> operations, boolean atomic, boolean postDeployment) {
    public PlannedMigration {
        operations = List.copyOf(operations);
    }
}
