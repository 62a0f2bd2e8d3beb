package dev.keel.scan.bench;

import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectState;
import dev.keel.scan.EntityScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A micro-benchmark, not a test: writes a project of N entity files (default 1000; each with basic
 * fields, an enum, an embeddable and a relation to the previous entity), scans it until warm, then prints
 * the median of several timed scans. Run: {@code ScanBenchmark [entities]}.
 */
public final class ScanBenchmark {
    private ScanBenchmark() {}

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path project = Files.createTempDirectory("keel-bench");
        write(project, n);
        KeelConfig config = KeelConfig.read(project);
        ProjectState state = null;
        for (int i = 0; i < 5; i++) {
            state = EntityScanner.scan(project, config);
        }
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            state = EntityScanner.scan(project, config);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        long[] parse = new long[7];
        var files = EntityScanner.sourceFiles(project, config);
        for (int i = 0; i < parse.length; i++) {
            long start = System.nanoTime();
            dev.keel.scan.internal.SourceIndex.parse(files, new dev.keel.scan.internal.Problems());
            parse[i] = System.nanoTime() - start;
        }
        Arrays.sort(parse);
        System.out.printf("parsing alone: median %.0f ms%n", parse[parse.length / 2] / 1e6);
        System.out.printf("scanned %d files into %d tables: median %.0f ms warm (min %.0f ms, max %.0f ms)%n", n + 2,
                state.tables().size(), times[times.length / 2] / 1e6, times[0] / 1e6, times[times.length - 1] / 1e6);
    }

    static void write(Path project, int n) throws IOException {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src\"], \"naming\": \"snake_case\","
                + " \"beanValidation\": false, \"apps\": [{\"label\": \"bench\", \"package\": \"com.bench\"}]}");
        Path pkg = Files.createDirectories(project.resolve("src/com/bench"));
        Files.writeString(pkg.resolve("Status.java"), "package com.bench;\npublic enum Status { NEW, OPEN, CLOSED }\n");
        Files.writeString(pkg.resolve("Stamp.java"), """
                package com.bench;
                import jakarta.persistence.*;
                import java.time.Instant;
                @Embeddable public class Stamp { private Instant createdAt; @Column(length = 64) private String createdBy; }
                """);
        for (int i = 0; i < n; i++) {
            String relation = i == 0 ? "" : "    @ManyToOne(fetch = FetchType.LAZY) private Model" + (i - 1) + " previous;\n";
            Files.writeString(pkg.resolve("Model" + i + ".java"), """
                    package com.bench;

                    import jakarta.persistence.*;
                    import java.math.BigDecimal;
                    import java.time.LocalDate;

                    @Entity
                    @Table(name = "model_%1$d", indexes = @Index(columnList = "name"))
                    public class Model%1$d {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        @Column(nullable = false, length = 120) private String name;
                        private String description;
                        private int counter;
                        private BigDecimal amount;
                        private LocalDate day;
                        @Enumerated(EnumType.STRING) private Status status;
                        @Embedded private Stamp stamp;
                    %2$s
                        public Long getId() { return id; }
                        public String getName() { return name; }
                    }
                    """.formatted(i, relation));
        }
    }
}
