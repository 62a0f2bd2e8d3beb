String log = new File(basedir, 'build.log').text
File written = new File(basedir, 'src/main/java/org/example/library/migrations/M0002_add_author_nickname.java')
assert written.isFile() : log
assert written.text.contains('addField("author", "nickname"')
assert log.contains('Applying library.0001_initial') || log.contains('library.0001_initial') : log
assert log.contains('library.0002_add_author_nickname')
assert log.contains('No changes: every app\'s migrations match its entities, and the lockfile is current.')
assert log.contains('BUILD SUCCESS')
return true
