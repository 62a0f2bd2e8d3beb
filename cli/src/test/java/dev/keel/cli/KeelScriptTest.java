package dev.keel.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/keel, run by bash in a copy of the repository's layout where {@code mvn} and {@code java} are
 * stand-ins that record how they were called: it says what it builds and why, shows Maven's progress one
 * line per module, prints no escape codes when its output is not a terminal, and builds again when a
 * source file or pom.xml of the jar's modules is newer than the jar, and only then.
 */
class KeelScriptTest {
    static final Path SCRIPT = Path.of("..", "bin", "keel");

    @TempDir Path dir;
    Path root;
    Path jar;
    Path bin;
    List<String> modules;

    record Run(int exit, String out, String err, String mvnCalls, String javaCalls) {}

    /** The modules bin/keel lists as the jar's. */
    static List<String> scriptModules() throws IOException {
        Matcher m = Pattern.compile("(?m)^modules=\\(([^)]*)\\)").matcher(Files.readString(SCRIPT));
        assertTrue(m.find(), "bin/keel lists its modules");
        return List.of(m.group(1).trim().split("\\s+"));
    }

    @BeforeEach
    void repositoryLayout() throws IOException {
        root = dir.resolve("keel");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(SCRIPT, root.resolve("bin/keel"));
        executable(root.resolve("bin/keel"));
        modules = scriptModules();
        Instant old = Instant.now().minusSeconds(7200);
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        setTime(root.resolve("pom.xml"), old);
        for (String m : modules) {
            write(root.resolve(m).resolve("pom.xml"), "<project/>\n", old);
            write(root.resolve(m).resolve("src/main/java/dev/keel/" + m + "/Main.java"), "class Main {}\n", old);
            write(root.resolve(m).resolve("src/test/java/dev/keel/" + m + "/MainTest.java"), "class MainTest {}\n", old);
        }
        write(root.resolve("docs/guide.md"), "# guide\n", old);
        jar = root.resolve("cli/target/keel.jar");
        bin = dir.resolve("fakebin");
        Files.createDirectories(bin);
        // Maven: records its arguments and MAVEN_OPTS, prints what Maven 3.8 prints (with its stray reset codes), writes the jar
        write(bin.resolve("mvn"), """
                #!/bin/sh
                echo "$* | MAVEN_OPTS=$MAVEN_OPTS" >> "$CALLS/mvn"
                printf '\\033[0m\\033[0m[INFO] Scanning for projects...\\n'
                echo "[INFO] Building keel api 0.1.0-SNAPSHOT                                      [1/5]"
                echo "[INFO] Downloading from central: https://repo.example/x.pom"
                echo "[INFO] Building keel cli 0.1.0-SNAPSHOT                                      [5/5]"
                if [ -n "$FAKE_MVN_FAIL" ]; then echo "[ERROR] COMPILATION ERROR: Main.java:[1,9] ';' expected"; exit 1; fi
                mkdir -p cli/target && echo jar > cli/target/keel.jar
                printf '[INFO] BUILD SUCCESS\\n\\033[0m\\033[0m'
                """, null);
        write(bin.resolve("java"), "#!/bin/sh\necho \"$*\" >> \"$CALLS/java\"\necho \"keel 0.1.0\"\n", null);
        executable(bin.resolve("mvn"));
        executable(bin.resolve("java"));
    }

    private static void write(Path file, String text, Instant time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        if (time != null) {
            setTime(file, time);
        }
    }

    private static void setTime(Path file, Instant time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A built jar, an hour old: newer than the sources (two hours old). */
    void builtJar() throws IOException {
        write(jar, "jar\n", Instant.now().minusSeconds(3600));
    }

    Run keel(Map<String, String> extraEnv, String... args) throws Exception {
        return keel(List.of(), extraEnv, args);
    }

    /** bin/keel run by {@code launcher} (taskset, say) with {@code extraEnv}. */
    Run keel(List<String> launcher, Map<String, String> extraEnv, String... args) throws Exception {
        Path calls = Files.createDirectories(dir.resolve("calls"));
        for (String f : List.of("mvn", "java")) {
            Files.deleteIfExists(calls.resolve(f));
        }
        var cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of("bash", root.resolve("bin/keel").toString()));
        cmd.addAll(Arrays.asList(args));
        var pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("CALLS", calls.toString());
        env.remove("MAVEN_OPTS");
        env.remove("KEEL_JAVA_OPTS");
        env.putAll(extraEnv);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        int exit = pb.start().waitFor();
        return new Run(exit, Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")),
                read(calls.resolve("mvn")), read(calls.resolve("java")));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void noEscapeCodes(Run r) {
        assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), r.err());
    }

    @Test
    void theFirstRunSaysItBuildsShowsEachModuleAndPrintsNoEscapeCodes() throws Exception {
        Run r = keel(Map.of(), "--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("keel: building keel (first use) (mvn -B -DskipTests package -pl cli -am, about a"
                + " minute)...\n"), r.err());
        assertTrue(r.err().contains("\nkeel:   keel api [1/5]\nkeel:   keel cli [5/5]\nkeel: built cli/target/keel.jar.\n"),
                r.err());
        assertFalse(r.err().contains("Downloading") || r.err().contains("Scanning"), r.err());
        noEscapeCodes(r);
        assertTrue(r.mvnCalls().startsWith("-B --no-transfer-progress -Dstyle.color=never -DskipTests package -pl cli -am"
                + " | MAVEN_OPTS= -Djansi.noreset=true"), r.mvnCalls());
        assertEquals("keel 0.1.0\n", r.out());
        assertTrue(r.javaCalls().contains("-Dpicocli.ansi=false"), r.javaCalls());
        assertTrue(r.javaCalls().contains("-Dkeel.launcher=" + root.toRealPath().resolve("bin/keel")), r.javaCalls());
        assertTrue(r.javaCalls().strip().endsWith("-jar " + root.toRealPath().resolve("cli/target/keel.jar") + " --version"),
                r.javaCalls());
    }

    @Test
    void aJarNewerThanEverySourceIsUsedAsItIs() throws Exception {
        builtJar();
        Run r = keel(Map.of(), "--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.mvnCalls());
        assertEquals("", r.err());
        assertEquals("keel 0.1.0\n", r.out());
    }

    @Test
    void theJvmIsTunedForAShortRunAndKeelJavaOptsComeLast() throws Exception {
        builtJar();
        Run r = keel(Map.of("KEEL_JAVA_OPTS", "-XX:MaxTenuringThreshold=15 -Xmx1g"), "--version");
        assertEquals(0, r.exit(), r.err());
        String call = keelCall(r);
        // survivors promoted at once, the client compiler, a bounded heap
        // and picocli without its converters for java.time, which no option of keel's needs
        for (String option : List.of("-XX:MaxTenuringThreshold=0", "-XX:TieredStopAtLevel=1", "-Xmx320m", "-Xmn48m",
                "-Dpicocli.converters.excludes=java\\.time\\..*")) {
            assertTrue(call.contains(option + " "), option + " in " + call);
        }
        assertTrue(call.contains("-XX:+UseParallelGC ") != call.contains("-XX:+UseSerialGC "), "one collector: " + call);
        // the user's options after keel's (the JVM takes the last of each), before the jar
        assertTrue(call.indexOf("-XX:MaxTenuringThreshold=15 -Xmx1g -jar ") > call.indexOf("-XX:MaxTenuringThreshold=0"), call);
    }

    /** The parallel collector where keel may run on two processors or more, the serial one on one; the user's if named. */
    @Test
    void theCollectorFollowsTheProcessorsKeelMayRunOn() throws Exception {
        builtJar();
        Path taskset = Path.of("/usr/bin/taskset");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(taskset), "taskset pins a process to processors");
        String one = keelCall(keel(List.of(taskset.toString(), "-c", "0"), Map.of(), "--version"));
        assertTrue(one.contains("-XX:+UseSerialGC ") && !one.contains("ParallelGC"), one);
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            String two = keelCall(keel(List.of(taskset.toString(), "-c", "0,1"), Map.of(), "--version"));
            assertTrue(two.contains("-XX:+UseParallelGC ") && !two.contains("SerialGC"), two);
        }
        String named = keelCall(keel(List.of(taskset.toString(), "-c", "0"), Map.of("KEEL_JAVA_OPTS", "-XX:+UseG1GC"), "--version"));
        assertTrue(named.contains("-XX:+UseG1GC ") && !named.contains("SerialGC") && !named.contains("ParallelGC"), named);
    }

    /** Transparent huge pages for the heap only where the kernel gives them on request; never where it warns or has none. */
    @Test
    void hugePagesOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
        builtJar();
        Path setting = dir.resolve("thp-enabled");
        for (var c : Map.of("always madvise [never]\n", false, "always [madvise] never\n", true,
                "[always] madvise never\n", false, "", false).entrySet()) {
            Files.writeString(setting, c.getKey());
            Run r = keel(Map.of("KEEL_THP_SETTING", setting.toString()), "--version");
            assertEquals(0, r.exit(), r.err());
            assertEquals(c.getValue(), keelCall(r).contains("-XX:+UseTransparentHugePages "), c.getKey() + ": " + keelCall(r));
        }
        Run none = keel(Map.of("KEEL_THP_SETTING", dir.resolve("no-such-file").toString()), "--version");
        assertEquals(0, none.exit(), none.err());
        assertFalse(keelCall(none).contains("HugePages"), keelCall(none));
        // the user's setting comes after keel's, and the JVM takes the last one
        Files.writeString(setting, "always [madvise] never\n");
        String off = keelCall(keel(Map.of("KEEL_THP_SETTING", setting.toString(),
                "KEEL_JAVA_OPTS", "-XX:-UseTransparentHugePages"), "--version"));
        assertTrue(off.indexOf("-XX:-UseTransparentHugePages") > off.indexOf("-XX:+UseTransparentHugePages"), off);
    }

    /** A java that writes the archive -Xshare:dump names (and records every call), else prints keel's version. */
    private static final String DUMPING_JAVA = """
            #!/bin/sh
            echo "$*" >> "$CALLS/java"
            for a in "$@"; do
              case "$a" in
                -XX:SharedArchiveFile=*) archive="${a#-XX:SharedArchiveFile=}" ;;
                -Xshare:dump) dump=1 ;;
              esac
            done
            if [ -n "$dump" ]; then echo archive > "$archive"; exit 0; fi
            echo "keel 0.1.0"
            """;

    /** Waits (up to 30 s) until {@code file} holds {@code text}: the background write of the archive. */
    private static void awaitText(Path file, String text) throws Exception {
        for (int i = 0; i < 300 && !(Files.exists(file) && Files.readString(file).equals(text)); i++) {
            Thread.sleep(100);
        }
        assertEquals(text, Files.exists(file) ? Files.readString(file) : "(no " + file.getFileName() + ")");
    }

    /** The call that ran keel (not a write of the archive). */
    private static String keelCall(Run r) {
        return r.javaCalls().lines().filter(l -> l.contains(" -jar ")).findFirst().orElse("");
    }

    @Test
    void theClassDataArchiveIsWrittenForThisJarAndThisJavaAndUsedOnlyForThem() throws Exception {
        builtJar();
        write(root.resolve("cli/target/keel.classlist"), "java/lang/Object\n", null);
        write(bin.resolve("java"), DUMPING_JAVA, null);
        executable(bin.resolve("java"));
        Path jsa = root.resolve("cli/target/keel.jsa");
        Path madeFor = root.resolve("cli/target/keel.jsa.for");
        // the second line: the archive is mapped where it was made to be, as this java accepts (it says so when tried)
        String expected = root.toRealPath().resolve("cli/target/keel.jar") + " " + bin.resolve("java").toRealPath() + "\n"
                + MAPPED + "\n";

        Run first = keel(Map.of(), "--version");
        assertEquals(0, first.exit(), first.err());
        assertEquals("keel 0.1.0\n", first.out());
        assertFalse(keelCall(first).contains("SharedArchiveFile"), "no archive yet: " + first.javaCalls());
        awaitText(madeFor, expected); // written in the background, for the next runs
        assertEquals("archive\n", Files.readString(jsa));

        Run second = keel(Map.of(), "--version");
        assertEquals("keel 0.1.0\n", second.out());
        assertTrue(keelCall(second).contains("-XX:SharedArchiveFile=" + root.toRealPath().resolve("cli/target/keel.jsa")),
                second.javaCalls());
        assertFalse(second.javaCalls().contains("-Xshare:dump"), "an archive made for this jar is not written again");
        assertTrue(keelCall(second).contains(MAPPED + " -XX:SharedArchiveFile="), second.javaCalls());

        // made for the jar of another checkout (this one was moved or copied): not used, written again for this one
        Files.writeString(madeFor, "/elsewhere/cli/target/keel.jar " + bin.resolve("java").toRealPath() + "\n");
        Run moved = keel(Map.of(), "--version");
        assertEquals("keel 0.1.0\n", moved.out());
        assertFalse(keelCall(moved).contains("SharedArchiveFile"), moved.javaCalls());
        awaitText(madeFor, expected);

        // made by another java: the same
        Files.writeString(madeFor, root.toRealPath().resolve("cli/target/keel.jar") + " /opt/other-jdk/bin/java\n");
        Run otherJava = keel(Map.of(), "--version");
        assertFalse(keelCall(otherJava).contains("SharedArchiveFile"), otherJava.javaCalls());
        awaitText(madeFor, expected);

        // older than the jar (a build): not used
        setTime(jsa, Instant.now().minusSeconds(7200));
        Run older = keel(Map.of(), "--version");
        assertFalse(keelCall(older).contains("SharedArchiveFile"), older.javaCalls());
        for (int i = 0; i < 300 && Files.getLastModifiedTime(jsa).toInstant().isBefore(Instant.now().minusSeconds(3600)); i++) {
            Thread.sleep(100);
        }
        Run after = keel(Map.of(), "--version");
        assertTrue(keelCall(after).contains("-XX:SharedArchiveFile="), after.javaCalls());
    }

    /** What bin/keel adds so that the archive is mapped at the address it was made for (no pointer rewritten at start). */
    private static final String MAPPED = "-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0";

    @Test
    void anArchiveIsMappedWhereItWasMadeOnlyWhenThisJavaTakesTheSetting() throws Exception {
        builtJar();
        write(root.resolve("cli/target/keel.classlist"), "java/lang/Object\n", null);
        // a java that writes the archive but refuses the setting, as a JVM does an option it does not know
        write(bin.resolve("java"), DUMPING_JAVA.replace("if [ -n \"$dump\" ]",
                "case \"$*\" in *ArchiveRelocationMode*) echo \"Unrecognized VM option\" >&2; exit 1 ;; esac\nif [ -n \"$dump\" ]"), null);
        executable(bin.resolve("java"));
        Path madeFor = root.resolve("cli/target/keel.jsa.for");
        keel(Map.of(), "--version");
        awaitText(madeFor, root.toRealPath().resolve("cli/target/keel.jar") + " " + bin.resolve("java").toRealPath() + "\n\n");
        Run r = keel(Map.of(), "--version");
        assertEquals("keel 0.1.0\n", r.out(), r.err());
        assertTrue(keelCall(r).contains("-XX:SharedArchiveFile="), r.javaCalls());
        assertFalse(keelCall(r).contains("ArchiveRelocationMode"), r.javaCalls());

        // an archive.for of one line (written by an earlier keel): the archive is used, mapped as the JVM chooses
        Files.writeString(madeFor, root.toRealPath().resolve("cli/target/keel.jar") + " " + bin.resolve("java").toRealPath() + "\n");
        Run old = keel(Map.of(), "--version");
        assertTrue(keelCall(old).contains("-XX:SharedArchiveFile="), old.javaCalls());
        assertFalse(keelCall(old).contains("ArchiveRelocationMode"), old.javaCalls());
    }

    @Test
    void withoutAClassListNoArchiveIsWritten() throws Exception {
        builtJar();
        write(bin.resolve("java"), DUMPING_JAVA, null);
        executable(bin.resolve("java"));
        Run r = keel(Map.of(), "--version");
        assertEquals("keel 0.1.0\n", r.out());
        Thread.sleep(500);
        assertFalse(Files.exists(root.resolve("cli/target/keel.jsa")));
        assertFalse(r.javaCalls().contains("-Xshare:dump"), r.javaCalls());
    }

    @Test
    void aSourceOrPomNewerThanTheJarRebuildsIt() throws Exception {
        for (String changed : List.of("generator/src/main/java/dev/keel/generator/Main.java", "runner/pom.xml", "pom.xml",
                "cli/src/main/resources/version.properties")) {
            builtJar();
            write(root.resolve(changed), "changed\n", Instant.now());
            Run r = keel(Map.of(), "--version");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().startsWith("keel: rebuilding keel: " + changed + " is newer than cli/target/keel.jar (mvn -B"),
                    r.err());
            assertFalse(r.mvnCalls().isEmpty(), changed);
            noEscapeCodes(r);
            setTime(root.resolve(changed), Instant.now().minusSeconds(7200));
        }
    }

    @Test
    void testsDocsAndOtherFilesDoNotRebuild() throws Exception {
        builtJar();
        write(root.resolve("state/src/test/java/dev/keel/state/MainTest.java"), "changed\n", Instant.now());
        write(root.resolve("docs/guide.md"), "changed\n", Instant.now());
        write(root.resolve("maven-plugin/src/main/java/dev/keel/maven/Mojo.java"), "changed\n", Instant.now());
        Run r = keel(Map.of(), "--version");
        assertEquals("", r.mvnCalls());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void aFailedBuildShowsTheEndOfMavensOutputAndDoesNotRunKeel() throws Exception {
        Run r = keel(Map.of("FAKE_MVN_FAIL", "1"), "--version");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("keel: the build failed. The end of Maven's output (all of it is in "), r.err());
        assertTrue(r.err().contains("[ERROR] COMPILATION ERROR: Main.java:[1,9] ';' expected"), r.err());
        assertEquals("", r.javaCalls());
    }

    @Test
    void withoutMavenItSaysWhatToInstall() throws Exception {
        Files.delete(bin.resolve("mvn"));
        Path noMaven = Files.createDirectories(dir.resolve("nomaven"));
        for (String tool : List.of("bash", "mktemp", "tee", "find", "dirname", "tail", "rm", "mkdir", "sh")) {
            for (String d : List.of("/usr/bin", "/bin")) {
                Path p = Path.of(d, tool);
                if (Files.exists(p) && !Files.exists(noMaven.resolve(tool))) {
                    Files.createSymbolicLink(noMaven.resolve(tool), p);
                }
            }
        }
        Run r = keel(Map.of("PATH", bin + ":" + noMaven), "--version");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("needs Maven (mvn), which is not on PATH."), r.err());
    }

    /** The script's module list is cli and every module it depends on outside tests, as the poms say. */
    @Test
    void theScriptsModulesAreTheJarsModules() throws IOException {
        Path repository = Path.of("..");
        Map<String, String> moduleOfArtifact = new HashMap<>();
        Matcher modulesInRoot = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(repository.resolve("pom.xml")));
        while (modulesInRoot.find()) {
            String module = modulesInRoot.group(1);
            String pom = Files.readString(repository.resolve(module).resolve("pom.xml"));
            Matcher id = Pattern.compile("</parent>\\s*(?:<modelVersion>[^<]*</modelVersion>\\s*)?<artifactId>([^<]+)</artifactId>")
                    .matcher(pom.replaceFirst("(?s)<modelVersion>.*?</modelVersion>", ""));
            if (id.find()) {
                moduleOfArtifact.put(id.group(1), module);
            }
        }
        Set<String> closure = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of("cli"));
        Pattern dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
        while (!pending.isEmpty()) {
            String module = pending.remove(0);
            if (!closure.add(module)) {
                continue;
            }
            Matcher d = dependency.matcher(Files.readString(repository.resolve(module).resolve("pom.xml")));
            while (d.find()) {
                String body = d.group(1);
                Matcher artifact = Pattern.compile("<artifactId>(keel-[^<]+)</artifactId>").matcher(body);
                if (body.contains("<groupId>dev.keel</groupId>") && artifact.find() && !body.contains("<scope>test</scope>")) {
                    pending.add(moduleOfArtifact.get(artifact.group(1)));
                }
            }
        }
        assertEquals(new TreeSet<>(closure), new TreeSet<>(scriptModules()));
    }
}
