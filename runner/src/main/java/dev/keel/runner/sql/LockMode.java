package dev.keel.runner.sql;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's table lock modes, weakest first, with the conflicts of PostgreSQL's documentation
 * ("Explicit Locking", table-level lock modes).
 */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE;

    /** The modes this one conflicts with: another session holding one of them makes a request for this one wait. */
    public Set<LockMode> conflicts() {
        return switch (this) {
            case ACCESS_SHARE -> EnumSet.of(ACCESS_EXCLUSIVE);
            case ROW_SHARE -> EnumSet.of(EXCLUSIVE, ACCESS_EXCLUSIVE);
            case ROW_EXCLUSIVE -> EnumSet.of(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
            case SHARE_UPDATE_EXCLUSIVE -> EnumSet.of(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
            case SHARE -> EnumSet.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
            case SHARE_ROW_EXCLUSIVE -> EnumSet.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                    ACCESS_EXCLUSIVE);
            case EXCLUSIVE -> EnumSet.complementOf(EnumSet.of(ACCESS_SHARE));
            case ACCESS_EXCLUSIVE -> EnumSet.allOf(LockMode.class);
        };
    }

    /**
     * Whether holding this mode makes a request for {@code other} on the same table free: every mode that
     * conflicts with {@code other} conflicts with this one too, so no other session can hold it.
     */
    public boolean covers(LockMode other) {
        return conflicts().containsAll(other.conflicts());
    }

    /**
     * Whether holding this mode blocks the table's readers or writers ({@code SHARE} and stronger: they
     * conflict with the {@code ROW EXCLUSIVE} of {@code INSERT}, {@code UPDATE} and {@code DELETE}).
     */
    public boolean blocksReadersOrWriters() {
        return conflicts().contains(ROW_EXCLUSIVE);
    }

    /** The mode as SQL writes it: {@code SHARE ROW EXCLUSIVE}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    @Override
    public String toString() {
        return sql().toLowerCase(Locale.ROOT);
    }
}
