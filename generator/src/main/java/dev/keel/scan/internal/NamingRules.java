package dev.keel.scan.internal;

import dev.keel.config.Naming;

import java.util.Locale;

/**
 * How logical names become physical ones, and the implicit names that differ between the two naming
 * setups keel supports. Everything else (implicit column, collection table and join column names) is
 * Hibernate's JPA-compliant implicit strategy in both setups.
 */
public interface NamingRules {
    /** The physical identifier for a logical name ({@code `Quoted`} names stay quoted). */
    Ident physical(String logical);

    /** The logical name of an unnamed join table. */
    String joinTable(Ident ownerTable, String ownerAttribute, Ident targetTable);

    /** The rules for a naming setup. */
    static NamingRules of(Naming naming) {
        return naming == Naming.SNAKE_CASE ? new SnakeCase() : new Jpa();
    }

    /**
     * Spring Boot's setup: {@code CamelCaseToUnderscoresNamingStrategy} (an underscore between a
     * lower-case letter and an upper-case letter followed by a lower-case one; dots become underscores;
     * all lower case) and {@code SpringImplicitNamingStrategy} (join table = owner table + "_" + attribute).
     */
    final class SnakeCase implements NamingRules {
        @Override
        public Ident physical(String logical) {
            Ident id = Ident.parse(logical);
            StringBuilder b = new StringBuilder(id.text().replace('.', '_'));
            for (int i = 1; i < b.length() - 1; i++) {
                if (Character.isLowerCase(b.charAt(i - 1)) && Character.isUpperCase(b.charAt(i))
                        && Character.isLowerCase(b.charAt(i + 1))) {
                    b.insert(i++, '_');
                }
            }
            return new Ident(b.toString().toLowerCase(Locale.ROOT), id.quoted());
        }

        @Override
        public String joinTable(Ident ownerTable, String ownerAttribute, Ident targetTable) {
            return ownerTable.text() + "_" + ownerAttribute;
        }
    }

    /** Hibernate's defaults: names as written, join table = owner table + "_" + target table. */
    final class Jpa implements NamingRules {
        @Override
        public Ident physical(String logical) {
            return Ident.parse(logical);
        }

        @Override
        public String joinTable(Ident ownerTable, String ownerAttribute, Ident targetTable) {
            return ownerTable.text() + "_" + targetTable.text();
        }
    }
}
