package dev.keel.runner;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords are masked, and nothing else: the text around a secret stays as written. */
class SecretsTest {
    @Test
    void passwordsInUrlsAreMasked() {
        assertEquals("jdbc:postgresql://db:5432/blog?user=app&password=***&ssl=true",
                Secrets.maskUrl("jdbc:postgresql://db:5432/blog?user=app&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:postgresql://app:***@db/blog", Secrets.maskUrl("jdbc:postgresql://app:s3cr3t@db/blog"));
        assertEquals("jdbc:postgresql://db/blog?sslpassword=***", Secrets.maskUrl("jdbc:postgresql://db/blog?sslpassword=k"));
        assertEquals("jdbc:postgresql://db/blog", Secrets.maskUrl("jdbc:postgresql://db/blog"));
        assertEquals("jdbc:postgresql://app@db/blog", Secrets.maskUrl("jdbc:postgresql://app@db/blog"));
    }

    @Test
    void passwordsWithUrlAndRegexCharactersAreMaskedWhole() {
        // '@', '/', ':' and '$' in a user:password@ form: everything up to the last '@' before the path is the password
        assertEquals("jdbc:postgresql://app:***@db:5432/blog?ssl=true",
                Secrets.maskUrl("jdbc:postgresql://app:p@ss/w:rd$1@db:5432/blog?ssl=true"));
        assertEquals("jdbc:postgresql://db/blog?user=app&password=***&ApplicationName=a.b",
                Secrets.maskUrl("jdbc:postgresql://db/blog?user=app&password=a$1\\.*(c)%26&ApplicationName=a.b"));
        assertEquals("jdbc:postgresql://db/blog?PASSWORD=***", Secrets.maskUrl("jdbc:postgresql://db/blog?PASSWORD=x"));
    }

    @Test
    void theTextAroundAMaskedUrlStays() {
        assertEquals("cannot reach jdbc:postgresql://h/d?password=***, as app (retry).",
                Secrets.mask("cannot reach jdbc:postgresql://h/d?password=x, as app (retry).", List.of()));
        assertEquals("url \"jdbc:postgresql://u:***@h/d\" refused",
                Secrets.mask("url \"jdbc:postgresql://u:p@h/d\" refused", List.of()));
        assertEquals("(password=***) and password_encryption=scram stays",
                Secrets.mask("(password=hunter2) and password_encryption=scram stays", List.of()));
    }

    @Test
    void knownSecretsAreMaskedWhereTheyStandWhole() {
        assertEquals("failed for *** at jdbc:postgresql://h/d?password=***",
                Secrets.mask("failed for hunter2 at jdbc:postgresql://h/d?password=x", List.of("hunter2", "")));
        assertEquals("application_name *** failed; ***: the ***'s",
                Secrets.mask("application_name app-1 failed; app-1: the app-1's", List.of("app-1")));
        assertEquals("user *** via jdbc:postgresql://h/d?password=***",
                Secrets.mask("user CorrectHorseBattery via jdbc:postgresql://h/d?password=x", List.of("CorrectHorseBattery")));
        assertEquals("key *** (then $1 and \\1 stay)", Secrets.mask("key a$1\\.*(c) (then $1 and \\1 stay)",
                List.of("a$1\\.*(c)")));
        assertEquals("sent ***", Secrets.mask("sent p%40ss%2Fword", List.of("p@ss/word")));
    }

    @Test
    void aPlainShortWordIsMaskedOnlyWhereItStandsAsAPassword() {
        assertEquals("run keel migrate again; user postgres at jdbc:postgresql://postgres:***@h/d?password=***",
                Secrets.mask("run keel migrate again; user postgres at jdbc:postgresql://postgres:keel@h/d?password=keel",
                        List.of("keel")));
        assertEquals("role postgres: password=*** refused",
                Secrets.mask("role postgres: password=postgres refused", List.of("postgres")));
        assertTrue(Secrets.distinctive("hunter2") && Secrets.distinctive("s3cr3t!") && Secrets.distinctive("abcdefghijkl"));
        assertFalse(Secrets.distinctive("keel") || Secrets.distinctive("postgres") || Secrets.distinctive("Secret"));
    }
}
