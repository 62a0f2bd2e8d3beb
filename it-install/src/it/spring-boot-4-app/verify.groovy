// Spring Boot 4 (Hibernate 7): the README's three commands take the application from no keel to a migrated database,
// and its test starts it: keel migrates before Hibernate 7 validates the schema.
String all = new File(basedir, 'build.log').text
File initial = new File(basedir, 'src/main/java/com/example/shop/migrations/M0001_initial.java')
assert initial.isFile() : all
assert all.contains('Building shop 1.0')
assert all.contains('Tests run: 1, Failures: 0, Errors: 0') : all
assert all.contains('Applying shop.0001_initial') : all
assert all.contains('  Applying shop.0001_initial... OK (') : all
assert !all.contains('BUILD FAILURE') : all
return true
