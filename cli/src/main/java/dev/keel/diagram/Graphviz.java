package dev.keel.diagram;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs Graphviz's {@code dot} to turn DOT text into SVG: the one part of the pictures that is not pure. Without
 * {@code dot} installed it fails with {@link ErrorKind#MISSING_PROGRAM}, saying how to install it.
 */
public final class Graphviz {
    private Graphviz() {}

    /** The program keel runs: the system property {@code keel.dot}, else {@code $KEEL_DOT}, else {@code dot} on the PATH. */
    public static String program() {
        String named = System.getProperty("keel.dot", System.getenv("KEEL_DOT"));
        return named == null || named.isBlank() ? "dot" : named;
    }

    /** {@code dotText} drawn as SVG by {@code program} ({@code dot}). */
    public static String svg(String dotText, String program) {
        Process p;
        try {
            p = new ProcessBuilder(List.of(program, "-Tsvg")).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new KeelException(ErrorKind.MISSING_PROGRAM, "cannot run " + program + " (Graphviz), which draws the"
                    + " SVG: " + e.getMessage() + ".\nTo fix: install Graphviz (Debian and Ubuntu: apt-get install"
                    + " graphviz; macOS: brew install graphviz), or set KEEL_DOT to the path of its dot program; or use"
                    + " --format dot or --format mermaid, which need nothing installed.", e);
        }
        try {
            var err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
            drain.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            drain.join();
            if (exit != 0) {
                throw new IllegalStateException(program + " -Tsvg refused keel's DOT (exit " + exit + "): "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
            return svg;
        } catch (IOException e) {
            throw new IllegalStateException(program + " -Tsvg failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " drew the SVG", e);
        }
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException ignored) {
            // the exit code says what went wrong
        }
    }
}
