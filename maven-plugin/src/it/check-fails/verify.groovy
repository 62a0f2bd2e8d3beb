String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] error: app blog: a migration is missing: Add field subtitle to post') : log
assert log.contains('keel check: migrations are missing or out of date; run mvn keel:makemigrations')
assert log.contains('BUILD FAILURE')
return true
