// the blog sample, with a field added to Post and no migration written for it
import java.nio.file.*
Path from = Paths.get(samples, "blog")
Path to = basedir.toPath()
Files.walk(from).forEach { p ->
    Path t = to.resolve(from.relativize(p).toString())
    if (Files.isDirectory(p)) { Files.createDirectories(t) } else { Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING) }
}
Path post = to.resolve('src/main/java/com/example/blog/Post.java')
String text = new String(Files.readAllBytes(post), 'UTF-8')
int last = text.lastIndexOf('}')
Files.write(post, (text.substring(0, last) + '    private String subtitle;\n}\n').getBytes('UTF-8'))
return true
