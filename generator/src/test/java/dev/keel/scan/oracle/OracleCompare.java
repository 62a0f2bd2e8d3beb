package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.scan.EntityScanner;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the differences between keel's scan and Hibernate's export of a project: a measuring tool. */
public final class OracleCompare {
    private OracleCompare() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        KeelConfig config = KeelConfig.read(project);
        HibernateDdl ddl = HibernateDdl.parse(HibernateOracle.exportScript(project, config, Files.createTempDirectory("keel-oracle")));
        SchemaShape hibernate = SchemaShape.of(ddl.tables(), ddl.sequences(), ddl.enumTypes());
        SchemaShape keel = SchemaShape.of(EntityScanner.scan(project, config));
        var diffs = keel.differences(hibernate, "keel", "hibernate");
        diffs.forEach(System.out::println);
        System.out.println("keel: " + keel.tables().size() + " tables, " + keel.sequences().size() + " sequences; hibernate: "
                + hibernate.tables().size() + " tables, " + hibernate.sequences().size() + " sequences");
        if (args.length > 1) {
            keel.tables().forEach((k, v) -> System.out.println(k + "\n  " + String.join("\n  ", v)));
        }
        System.out.println(diffs.isEmpty() ? "AGREE" : diffs.size() + " differences");
    }
}
