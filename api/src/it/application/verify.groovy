// An application that depends on keel-api has keel-api and nothing else on its class path.
import java.nio.file.*

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// the samples' migration files compiled against keel-api alone
int sources = Integer.parseInt(new File(basedir, 'migrations.count').text.trim())
Path classes = basedir.toPath().resolve('target/classes')
long compiled = Files.walk(classes).filter { it.toString().endsWith('.class') && !it.fileName.toString().contains('$') }.count()
assert compiled == sources : "compiled ${compiled} top-level classes from ${sources} migration files"

// runtime class path (compile + runtime scope, transitive): exactly keel-api
def artifacts = new File(basedir, 'target/runtime-dependencies.txt').readLines()
        .collect { it.trim() }
        .findAll { it ==~ /[^\s:]+:[^\s:]+:[^\s:]+:.*/ }
        .collect { it.split(' ')[0] }
assert artifacts.size() == 1 : "the runtime class path holds ${artifacts}, not keel-api alone"
assert artifacts[0] ==~ /dev\.keel:keel-api:jar:[^:]+:compile/ : "the runtime class path holds ${artifacts}"

// every scope: the tree is the application and keel-api under it, nothing below keel-api
def tree = new File(basedir, 'target/dependency-tree.txt').readLines().findAll { !it.trim().isEmpty() }
assert tree.size() == 2 : "dependency tree:\n" + tree.join('\n')
assert tree[0].startsWith('com.example:application:jar:1.0')
assert tree[1] ==~ /\\- dev\.keel:keel-api:jar:[^:]+:compile.*/ : "dependency tree:\n" + tree.join('\n')
return true
