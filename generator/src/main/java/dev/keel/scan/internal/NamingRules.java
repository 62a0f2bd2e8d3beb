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

    /**
     * The physical identifier of an implicit name that Hibernate quotes when {@code quoted} (a part of it comes from a
     * quoted name): through the strategy, then quoted.
     */
    default Ident physical(String logical, boolean quoted) {
        return Ident.quotedIf(physical(logical), quoted);
    }

    /** The logical name of an unnamed join table. */
    String joinTable(Ident ownerTable, String ownerAttribute, Ident targetTable);

    /** The rules for a naming setup under Hibernate 6. */
    static NamingRules of(Naming naming) {
        return of(naming, dev.keel.config.HibernateVersion.V6);
    }

    /**
     * The rules for a naming setup under the project's Hibernate: Spring's snake_case naming keeps quoted names under
     * Hibernate 7 ({@link HibernateRule#SNAKE_CASE_KEEPS_QUOTED_NAMES}).
     */
    static NamingRules of(Naming naming, dev.keel.config.HibernateVersion version) {
        if (naming != Naming.SNAKE_CASE) {
            return new Jpa();
        }
        return HibernateRule.of(version).contains(HibernateRule.SNAKE_CASE_KEEPS_QUOTED_NAMES) ? new SnakeCase7() : new SnakeCase();
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

    /**
     * Spring's setup under Hibernate 7 ({@code PhysicalNamingStrategySnakeCaseImpl}): a quoted name stays as written;
     * an unquoted one gets an underscore before an upper-case letter between lower-case letters or digits, dots
     * become underscores, all lower case. Implicit names as {@link SnakeCase}.
     */
    final class SnakeCase7 implements NamingRules {
        @Override
        public Ident physical(String logical) {
            Ident id = Ident.parse(logical);
            if (id.quoted()) {
                return id;
            }
            StringBuilder b = new StringBuilder(id.text().replace('.', '_'));
            for (int i = 1; i < b.length() - 1; i++) {
                if (lowerOrDigit(b.charAt(i - 1)) && Character.isUpperCase(b.charAt(i)) && lowerOrDigit(b.charAt(i + 1))) {
                    b.insert(i++, '_');
                }
            }
            return new Ident(b.toString().toLowerCase(Locale.ROOT), false);
        }

        /** A quoted implicit name stays as Hibernate 7 built it, like any quoted name. */
        @Override
        public Ident physical(String logical, boolean quoted) {
            return quoted ? new Ident(Ident.parse(logical).text(), true) : physical(logical);
        }

        private static boolean lowerOrDigit(char c) {
            return Character.isLowerCase(c) || Character.isDigit(c);
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
