// the project is a copy of the blog sample (keel.json, entities, migrations) with this pom
import java.nio.file.*
Path from = Paths.get(samples, "blog")
Path to = basedir.toPath()
Files.walk(from).forEach { p ->
    Path t = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) { Files.createDirectories(t) } else { Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING) }
}
return true
