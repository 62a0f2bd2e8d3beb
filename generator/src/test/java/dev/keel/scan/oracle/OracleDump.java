package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the DDL Hibernate exports for a project folder: {@code OracleDump <projectDir>}. A measuring tool. */
public final class OracleDump {
    private OracleDump() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path work = Files.createTempDirectory("keel-oracle");
        HibernateOracle.exportScript(project, KeelConfig.read(project), work).forEach(s -> System.out.println(s + ";"));
    }
}
