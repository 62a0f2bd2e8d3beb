package dev.keel.runner.sql;

import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentifiersTest {
    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("post", Identifiers.quote("post"));
        assertEquals("post_id2$", Identifiers.quote("post_id2$"));
        assertEquals("\"order\"", Identifiers.quote("order"));
        assertEquals("\"user\"", Identifiers.quote("user"));
        assertEquals("\"createdAt\"", Identifiers.quote("createdAt"));
        assertEquals("\"2fa\"", Identifiers.quote("2fa"));
        assertEquals("\"a b\"", Identifiers.quote("a b"));
        assertEquals("\"say \"\"hi\"\"\"", Identifiers.quote("say \"hi\""));
        assertEquals("name", Identifiers.quote("name"), "unreserved keywords need no quotes");
    }

    @Test
    void qualifiedNamesAndLiterals() {
        assertEquals("audit.\"Event\"", Identifiers.qualified("audit.Event"));
        assertEquals("post", Identifiers.qualified(null, "post"));
        assertEquals("\"select\".post", Identifiers.qualified("select", "post"));
        assertEquals("audit", Identifiers.schemaOf("audit.Event"));
        assertEquals("Event", Identifiers.nameOf("audit.Event"));
        assertEquals("'it''s'", Identifiers.literal("it's"));
        assertEquals("NULL", Identifiers.literal(null));
    }

    @Test
    void everyKeywordTheServerReservesIsQuoted() throws SQLException {
        try (Db db = Db.fresh(); var st = db.connection.createStatement();
             var r = st.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U' ORDER BY word")) {
            var missing = new ArrayList<String>();
            while (r.next()) {
                if (!Identifiers.needsQuotes(r.getString(1))) {
                    missing.add(r.getString(1));
                }
            }
            assertEquals(List.of(), missing);
            db.execute("CREATE TABLE " + Identifiers.quote("user") + " (" + Identifiers.quote("order") + " int, "
                    + Identifiers.quote("Mixed Case") + " int)");
        }
    }
}
