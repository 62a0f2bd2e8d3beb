package dev.keel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The {@code --json} option: results as JSON for scripts and CI instead of text. */
public final class JsonMixin {
    /**
     * The mapper, made on the first {@code --json} print: picocli makes this mixin for every command it builds,
     * and Jackson's start (its classes and the mapper's configuration) is tens of milliseconds that a run without
     * {@code --json} does not need.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Option(names = "--json",
            description = "Print the result as JSON on standard output instead of text, for scripts and CI."
                    + " Errors stay text on standard error; the exit code is the same.")
    boolean enabled;

    /** Whether {@code --json} was given. */
    boolean enabled() {
        return enabled;
    }

    /** Prints {@code value} as indented JSON, with a final newline. */
    static void print(PrintWriter out, Object value) {
        try {
            out.println(Mapper.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
