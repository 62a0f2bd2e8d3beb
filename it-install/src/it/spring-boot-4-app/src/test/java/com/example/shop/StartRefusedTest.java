package com.example.shop;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On Spring Boot 4 too: a migration recorded as applied whose class the application lacks stops the start. */
@ExtendWith(OutputCaptureExtension.class)
class StartRefusedTest {
    @Test
    void aRecordedMigrationWithoutItsClassStopsTheStart(CapturedOutput output) throws Exception {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String[] properties = {"spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + (db.password() == null ? "" : db.password())};
            new SpringApplicationBuilder(ShopApplication.class).properties(properties).run().close();
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute("INSERT INTO keel_migrations (app, name, checksum) VALUES ('shop', '0002_add_product_ean', 'v2:"
                        + "b".repeat(64) + "')");
            }
            Throwable failure = assertThrows(Throwable.class,
                    () -> new SpringApplicationBuilder(ShopApplication.class).properties(properties).run().close());
            KeelException keel = null;
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof KeelException k) {
                    keel = k;
                }
            }
            assertTrue(keel != null, "no KeelException in " + failure);
            assertEquals(ErrorKind.INCONSISTENT_HISTORY, keel.kind());
            assertTrue(output.toString().contains("APPLICATION FAILED TO START"), output.toString());
            assertTrue(output.toString().contains("no class M0002_add_product_ean of app shop is on the class path"),
                    output.toString());
        }
    }
}
