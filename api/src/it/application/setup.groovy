// the migrations of every sample project, unchanged, as the application's own sources
import java.nio.file.*
Path samplesDir = Paths.get(samples)
Path target = basedir.toPath().resolve('src/main/java')
int copied = 0
Files.walk(samplesDir).filter { p ->
    String s = samplesDir.relativize(p).toString().replace('\\', '/')
    s.contains('/src/main/java/') && s.contains('/migrations/') && s.endsWith('.java')
}.forEach { p ->
    String s = samplesDir.relativize(p).toString().replace('\\', '/')
    Path t = target.resolve(s.substring(s.indexOf('/src/main/java/') + '/src/main/java/'.length()))
    Files.createDirectories(t.parent)
    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING)
    copied++
}
assert copied >= 10 : "found only ${copied} migration files under ${samplesDir}"
new File(basedir, 'migrations.count').text = String.valueOf(copied)
return true
