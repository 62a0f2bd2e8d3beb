package dev.keel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * keel's own options before the command ({@code -C DIR}..., {@code --config FILE}, {@code -v N}), read from the
 * arguments without picocli, for the work a command starts before picocli has parsed them ({@link EarlyConnection},
 * {@link EarlyCheck}): {@code directories} in order, {@code configFile} (null: keel.json), and where the command's own
 * arguments start ({@code next}).
 */
record LeadingOptions(List<Path> directories, Path configFile, int next) {
    /** keel's options before the command that take a value and that every early reading knows. */
    static final Set<String> VALUED = Set.of("-C", "--config", "-v", "--verbosity");

    /**
     * The options before {@code command} in {@code args}, when each is one of {@code valued} (or {@code -vN}) with a
     * value that is not an option nor an argument file, and {@code --config} comes at most once; else empty (the
     * reading is not sure of them, or {@code command} is not there).
     */
    static Optional<LeadingOptions> before(String command, String[] args, Set<String> valued) {
        var directories = new ArrayList<Path>();
        Path config = null;
        int i = 0;
        for (; i < args.length && !args[i].equals(command); i++) {
            String a = args[i];
            if (a.matches("-v\\d+")) {
                continue;
            }
            String name = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!valued.contains(name)) {
                return Optional.empty();
            }
            String value = a.equals(name) ? (++i < args.length ? args[i] : null) : a.substring(name.length() + 1);
            if (value == null || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            if (name.equals("-C")) {
                directories.add(Path.of(value));
            } else if (name.equals("--config")) {
                if (config != null) {
                    return Optional.empty();
                }
                config = Path.of(value);
            }
        }
        return i < args.length ? Optional.of(new LeadingOptions(List.copyOf(directories), config, i + 1)) : Optional.empty();
    }
}
