package dev.keel.runner;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretsTest {
    @Test
    void passwordsInUrlsAreMasked() {
        assertEquals("jdbc:postgresql://db:5432/blog?user=app&password=***&ssl=true",
                Secrets.maskUrl("jdbc:postgresql://db:5432/blog?user=app&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:postgresql://app:***@db/blog", Secrets.maskUrl("jdbc:postgresql://app:s3cr3t@db/blog"));
        assertEquals("jdbc:postgresql://db/blog?sslpassword=***", Secrets.maskUrl("jdbc:postgresql://db/blog?sslpassword=k"));
        assertEquals("jdbc:postgresql://db/blog", Secrets.maskUrl("jdbc:postgresql://db/blog"));
    }

    @Test
    void knownSecretsAreMaskedAnywhere() {
        assertEquals("failed for *** at jdbc:postgresql://h/d?password=***",
                Secrets.mask("failed for hunter2 at jdbc:postgresql://h/d?password=x", List.of("hunter2", "")));
    }
}
