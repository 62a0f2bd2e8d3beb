// the dependency: lib.Phase (an enum) and lib.Limits (a constant), compiled into a jar installed in the local
// repository the build resolves from; and the project: keel.json and one entity that uses both
import java.nio.file.*
import java.util.jar.*
import javax.tools.ToolProvider

Path work = basedir.toPath().resolve('shared-build')
Path src = work.resolve('src/lib')
Files.createDirectories(src)
Files.write(src.resolve('Phase.java'), 'package lib;\npublic enum Phase { DRAFT, OPEN, CLOSED }\n'.getBytes('UTF-8'))
Files.write(src.resolve('Limits.java'), 'package lib;\npublic interface Limits { int PHASE_LENGTH = 12; }\n'.getBytes('UTF-8'))
Path classes = Files.createDirectories(work.resolve('classes'))
int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, '-d', classes.toString(), '--release', '17',
        src.resolve('Phase.java').toString(), src.resolve('Limits.java').toString())
assert rc == 0

Path repo = localRepositoryPath.toPath().resolve('com/example/tickets-shared/1.0')
Files.createDirectories(repo)
new JarOutputStream(Files.newOutputStream(repo.resolve('tickets-shared-1.0.jar'))).withCloseable { jar ->
    ['lib/Phase.class', 'lib/Limits.class'].each { name ->
        jar.putNextEntry(new JarEntry(name))
        jar.write(Files.readAllBytes(classes.resolve(name)))
        jar.closeEntry()
    }
}
Files.write(repo.resolve('tickets-shared-1.0.pom'), ('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0'
        + '</modelVersion><groupId>com.example</groupId><artifactId>tickets-shared</artifactId><version>1.0</version>'
        + '</project>').getBytes('UTF-8'))

Path project = basedir.toPath()
Files.write(project.resolve('keel.json'), '{"apps": [{"label": "tickets", "package": "com.example.tickets"}]}'.getBytes('UTF-8'))
Path entity = project.resolve('src/main/java/com/example/tickets/Ticket.java')
Files.createDirectories(entity.parent)
Files.write(entity, '''package com.example.tickets;

import jakarta.persistence.*;
import lib.Limits;
import lib.Phase;

@Entity
public class Ticket {
    @Id Long id;
    @Enumerated(EnumType.STRING) @Column(length = Limits.PHASE_LENGTH) Phase phase;
}
'''.getBytes('UTF-8'))
return true
