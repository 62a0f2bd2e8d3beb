package helpdesk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "support_agent")
public class Agent {
    /** A nested enum: its type is named by its simple name. */
    public enum Shift { NIGHT, DAY, EVENING }

    @Id Long id;

    byte[] avatar;

    @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Shift shift;

    @Enumerated(EnumType.ORDINAL) @JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM)
    Tier tier;

    @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) @Column(columnDefinition = "priority")
    Priority defaultPriority;
}
