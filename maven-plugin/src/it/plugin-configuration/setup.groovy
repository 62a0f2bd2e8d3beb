// the library sample without its keel.json (the pom configures keel), with a field added to Author
import java.nio.file.*
Path from = Paths.get(samples, "library")
Path to = basedir.toPath()
Files.walk(from).forEach { p ->
    Path t = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) { Files.createDirectories(t) } else { Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING) }
}
Files.delete(to.resolve('keel.json'))
Path author = to.resolve('src/main/java/org/example/library/Author.java')
String text = new String(Files.readAllBytes(author), 'UTF-8')
int last = text.lastIndexOf('}')
Files.write(author, (text.substring(0, last) + '    private String nickname;\n}\n').getBytes('UTF-8'))
return true
