String log = new File(basedir, 'build.log').text
File written = new File(basedir, 'src/main/java/com/example/tickets/migrations/M0001_initial.java')
assert written.isFile() : log
assert written.text.contains('column("phase", "varchar(12)")') : written.text
assert written.text.contains("phase in ('DRAFT','OPEN','CLOSED')") : written.text
assert log.contains('No changes: every app\'s migrations match its entities, and the lockfile is current.')
assert log.contains('BUILD SUCCESS')
return true
