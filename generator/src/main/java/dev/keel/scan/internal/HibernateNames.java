package dev.keel.scan.internal;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;

/**
 * The names Hibernate 6.6 gives unnamed foreign keys ({@code FK...}) and indexes ({@code IDX...}):
 * {@code ImplicitNamingStrategyJpaCompliantImpl} with {@code NamingHelper}, an MD5 of the table,
 * referenced table and alphabetically sorted column names, written in base 35.
 */
public final class HibernateNames {
    private HibernateNames() {}

    /** {@code NamingHelper.generateHashedFkName("FK", table, referencedTable, columns)}. */
    public static String foreignKey(Ident table, Ident referencedTable, List<Ident> columns) {
        var sb = new StringBuilder().append("table`").append(table.render()).append('`')
                .append("references`").append(referencedTable.render()).append('`');
        appendColumns(sb, columns);
        return "FK" + hashedName(sb.toString());
    }

    /** {@code NamingHelper.generateHashedConstraintName(prefix, table, columns)} ({@code UK}, {@code IDX}). */
    public static String constraint(String prefix, Ident table, List<Ident> columns) {
        var sb = new StringBuilder("table`" + table.render() + "`");
        appendColumns(sb, columns);
        return prefix + hashedName(sb.toString());
    }

    private static void appendColumns(StringBuilder sb, List<Ident> columns) {
        columns.stream().sorted(Comparator.comparing(HibernateNames::canonical))
                .forEach(c -> sb.append("column`").append(c.render()).append('`'));
    }

    private static String canonical(Ident id) {
        return id.quoted() ? id.text() : id.text().toLowerCase(java.util.Locale.ENGLISH);
    }

    /** MD5 of the platform-charset bytes, as an unsigned number in base 35 (as Hibernate does). */
    static String hashedName(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] digest = md.digest(s.getBytes(Charset.defaultCharset()));
            return new BigInteger(1, digest).toString(35);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
