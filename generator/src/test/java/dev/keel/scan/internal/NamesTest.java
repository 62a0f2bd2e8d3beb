package dev.keel.scan.internal;

import dev.keel.config.Naming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Naming rules, Hibernate's hashed names and PostgreSQL's default names. */
class NamesTest {
    private final NamingRules snake = NamingRules.of(Naming.SNAKE_CASE);
    private final NamingRules jpa = NamingRules.of(Naming.JPA);

    @Test
    void snakeCaseIsSpringsCamelCaseToUnderscores() {
        assertEquals("blog_post", snake.physical("BlogPost").db());
        assertEquals("card_last4", snake.physical("cardLast4").db());
        assertEquals("htmlpage", snake.physical("HTMLPage").db(), "no underscore between capitals");
        assertEquals("address_city", snake.physical("address.city").db());
        Ident quoted = snake.physical("\"Quoted\"");
        assertTrue(quoted.quoted());
        assertEquals("quoted", quoted.db());
    }

    @Test
    void jpaNamingKeepsNamesThatPostgresFolds() {
        assertEquals("BlogPost", jpa.physical("BlogPost").text());
        assertEquals("blogpost", jpa.physical("BlogPost").db());
        assertEquals("Mixed", jpa.physical("`Mixed`").db());
        assertEquals("Book_Author", jpa.joinTable(new Ident("Book", false), "coAuthors", new Ident("Author", false)));
        assertEquals("book_co_authors", snake.joinTable(new Ident("book", false), "co_authors", new Ident("author", false)));
    }

    @Test
    void hashedNamesMatchWhatHibernateExported() {
        assertEquals("FK158vbkwgyf5r6ogk9nkugqv2c", HibernateNames.foreignKey(new Ident("purchase_order", false),
                new Ident("customer", false), List.of(new Ident("customer_id", false))));
        assertEquals("IDXo61fmio5yukmmiqgnxf8pnavn", HibernateNames.constraint("IDX", new Ident("products", false),
                List.of(new Ident("name", false))));
        assertEquals("FKe5twkfhforij8hn236qkf7rhb", HibernateNames.foreignKey(new Ident("animal", false),
                new Ident("owner", true), List.of(new Ident("owner_id", true))));
    }

    @Test
    void postgresNamesAreCutAndNumbered() {
        assertEquals("t_c_check", PgNames.makeObjectName("t", "c", "check"));
        String longTable = "sports_car_with_a_very_long_table_name_that_postgres_will_truncate_x";
        assertEquals("sports_car_with_a_very_long_table_name_that_postgres_will__pkey", PgNames.makeObjectName(longTable, null, "pkey"));
        assertEquals("sports_car_with_a_very_long_t_nickname_with_a_long_column_n_key",
                PgNames.makeObjectName(longTable, "nickname_with_a_long_column_name_that_needs_truncating", "key"));
        PgNames names = new PgNames();
        assertEquals("t_c_check", names.choose("t", "c", "check"));
        assertEquals("t_c_check1", names.choose("t", "c", "check"));
        assertEquals(63, PgNames.truncate("x".repeat(80)).length());
    }

    @Test
    void postgresCutsNamesByBytesWithoutSplittingACharacter() {
        // 2-byte é: 31 of them are 62 bytes, a 32nd would make 64
        assertEquals("\u00e9".repeat(31), PgNames.truncate("\u00e9".repeat(40)));
        // 4-byte characters (a surrogate pair each): 1 + 15 * 4 = 61 bytes
        assertEquals("a" + "\ud83d\ude00".repeat(15), PgNames.truncate("a" + "\ud83d\ude00".repeat(20)));
        // 3-byte characters: 21 are 63 bytes
        assertEquals("\u20ac".repeat(21), PgNames.truncate("\u20ac".repeat(30)));
        // 58 bytes for the table's part and "_c": the table's 80 bytes trimmed to 57, that is 28 two-byte characters
        assertEquals("\u00fc".repeat(28) + "_c_key", PgNames.makeObjectName("\u00fc".repeat(40), "c", "key"));
        assertEquals("plain_c_key", PgNames.makeObjectName("plain", "c", "key"));
    }

    @Test
    void checksAreNamedAfterTheirOnlyColumn() {
        assertEquals("status", TableFinisher.checkColumn("status in ('A','B')", List.of("status", "id")));
        assertEquals(null, TableFinisher.checkColumn("low < high", List.of("low", "high")));
        assertEquals(null, TableFinisher.checkColumn("'low' = 'x'", List.of("low")));
    }
}
