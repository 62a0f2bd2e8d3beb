String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] keel makemigrations --check')
assert log.contains('No changes: every app\'s migrations match its entities, and the lockfile is current.')
assert log.contains('[INFO] keel lint')
assert log.contains('BUILD SUCCESS')
return true
