package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-commit hook runs the keel that installed it, with no keel on PATH: keel is started as a
 * separate program here (java and this module's class path), the hook is installed in a git repository,
 * and commits run it with a PATH that holds git and a shell but no keel.
 */
class HookInstallTest {
    @TempDir Path dir;
    Path repo;
    Path java;
    /** PATH without any folder that holds a program named keel. */
    String pathWithoutKeel;

    @BeforeEach
    void sampleInGit() throws Exception {
        repo = dev.keel.testing.SampleProjects.copy("blog", dir.resolve("repo"));
        java = Launcher.javaCommand();
        pathWithoutKeel = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .filter(d -> !d.isBlank() && !Files.exists(Path.of(d, "keel")))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(run(repo, List.of("sh", "-c", "command -v keel")).exit() != 0, "keel must not be on the test's PATH");
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "base");
    }

    record Result(int exit, String output) {}

    Result run(Path cwd, List<String> command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", pathWithoutKeel);
        env.remove("KEEL");
        env.put("GIT_AUTHOR_NAME", "t");
        env.put("GIT_AUTHOR_EMAIL", "t@example.com");
        env.put("GIT_COMMITTER_NAME", "t");
        env.put("GIT_COMMITTER_EMAIL", "t@example.com");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    Result git(String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Result r = run(repo, cmd);
        if (!args[0].equals("commit")) {
            assertEquals(0, r.exit(), r.output());
        }
        return r;
    }

    /** keel as a program of its own: java with this module's class path (as {@code java -cp ... dev.keel.cli.Keel}). */
    Result keel(String classPath, String... args) throws Exception {
        var cmd = new ArrayList<>(List.of(java.toString(), "-cp", classPath, Launcher.MAIN));
        cmd.addAll(List.of(args));
        return run(repo, cmd);
    }

    @Test
    void commitsRunTheKeelThatInstalledTheHookWithoutKeelOnPath() throws Exception {
        Result install = keel(System.getProperty("java.class.path"), "hook", "install");
        assertEquals(0, install.exit(), install.output());
        assertTrue(install.output().startsWith("Installed " + repo.resolve(".git/hooks/pre-commit") + ": each commit runs "
                + java), install.output());
        String hook = Files.readString(repo.resolve(".git/hooks/pre-commit"));
        assertFalse(hook.contains("${KEEL:-keel}"), hook);

        Files.writeString(repo.resolve("NOTES.md"), "release notes\n");
        git("add", "NOTES.md");
        Result clean = git("commit", "-q", "-m", "notes");
        assertEquals(0, clean.exit(), clean.output());

        Path post = repo.resolve("src/main/java/com/example/blog/Post.java");
        String text = Files.readString(post);
        int lastBrace = text.lastIndexOf('}');
        Files.writeString(post, text.substring(0, lastBrace) + "\n    @jakarta.persistence.Column(length = 120)\n"
                + "    private String subtitle;\n}\n");
        git("add", ".");
        Result stopped = git("commit", "-q", "-m", "subtitle");
        assertEquals(1, stopped.exit(), stopped.output());
        assertTrue(stopped.output().contains("a migration is missing: Add field subtitle to post"), stopped.output());
    }

    @Test
    void aKeelThatCannotTellHowItWasStartedSaysWhatItNeedsAtInstallTime() throws Exception {
        // keel's classes reached only through a manifest's Class-Path, as inside another program's class loader
        Path manifestOnly = dir.resolve("classpath.jar");
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(e -> Path.of(e).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(manifestOnly); var jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        Result install = keel(manifestOnly.toString(), "hook", "install");
        assertEquals(2, install.exit(), install.output());
        assertTrue(install.output().contains("keel hook install cannot tell how to start this keel again"), install.output());
        assertTrue(install.output().contains("To fix: run the install through bin/keel"), install.output());
        assertTrue(install.output().contains("--keel PATH"), install.output());
        assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));

        Path script = dir.resolve("tools/keel");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Launcher.MAIN + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result named = keel(manifestOnly.toString(), "hook", "install", "--keel", script.toString());
        assertEquals(0, named.exit(), named.output());
        Files.writeString(repo.resolve("NOTES.md"), "release notes\n");
        git("add", "NOTES.md");
        Result commit = git("commit", "-q", "-m", "notes");
        assertEquals(0, commit.exit(), commit.output());

        Files.delete(script);
        Files.writeString(repo.resolve("NOTES.md"), "more notes\n");
        git("add", "NOTES.md");
        Result gone = git("commit", "-q", "-m", "more");
        assertEquals(1, gone.exit(), gone.output());
        assertTrue(gone.output().contains("keel pre-commit hook: " + script + " is gone"), gone.output());
    }

    @Test
    void theLauncherIsBinKeelWhenItSaysSoElseTheJarElseTheClassPath() throws Exception {
        Path script = dir.resolve("keel/bin/keel");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(List.of(script.toString()), Launcher.of(script.toString(), classes, java, classes.toString())
                .orElseThrow().command());

        Path jar = dir.resolve("keel.jar");
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.MAIN);
        try (OutputStream out = Files.newOutputStream(jar); var j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        assertEquals(List.of(java.toString(), "-jar", jar.toString()), Launcher.of(null, jar, java, jar.toString())
                .orElseThrow().command());
        assertEquals(List.of(java.toString(), "-cp", classes.toString(), Launcher.MAIN),
                Launcher.of(null, classes, java, classes.toString()).orElseThrow().command());
        assertTrue(Launcher.of(null, classes, java, jar.toString()).isEmpty(), "classes outside the class path");
        assertEquals("'it'\\''s'", Launcher.quote("it's"));
    }
}
