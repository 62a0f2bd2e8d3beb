package dev.keel.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** keel run as its own process ({@code bin/keel -C PROJECT ...}), as a deployment runs it. */
record Keel(Path launcher) {

    /** What one keel command printed, and its exit code. */
    record Outcome(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        }
    }

    Outcome run(Path project, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "-C", project.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        return new Outcome(command.subList(1, command.size()), p.waitFor(), output);
    }

    Outcome runOrFail(Path project, String... args) throws IOException, InterruptedException {
        Outcome o = run(project, args);
        if (!o.ok()) {
            throw new IllegalStateException("keel " + String.join(" ", o.command()) + " exited with " + o.exitCode() + ":\n" + o.output());
        }
        return o;
    }
}
