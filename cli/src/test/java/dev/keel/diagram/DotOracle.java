package dev.keel.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Graphviz's {@code dot}, outside keel: every DOT text keel writes must draw with {@code dot -Tsvg} without an
 * error or a warning. Without Graphviz (apt-get install graphviz) the check is skipped, saying so.
 */
public final class DotOracle {
    private DotOracle() {}

    public static boolean installed() {
        try {
            Process p = new ProcessBuilder(List.of("dot", "-V")).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static void require() {
        boolean present = installed();
        if (!present) {
            System.err.println("SKIPPED: Graphviz's dot is not installed, so the DOT diagrams were not drawn"
                    + " (apt-get install graphviz, brew install graphviz).");
        }
        assumeTrue(present, "Graphviz's dot is not installed (apt-get install graphviz)");
    }

    /** What {@code dot -Tsvg} says on standard error for {@code text} (empty when it draws it cleanly). */
    public static String problems(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("dot", "-Tsvg")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return exit == 0 ? err.strip() : ("exit " + exit + ": " + err).strip();
    }
}
