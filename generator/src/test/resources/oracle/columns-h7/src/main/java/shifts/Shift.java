package shifts;

import jakarta.persistence.*;
import org.hibernate.annotations.FractionalSeconds;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLInetJdbcType;

import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetTime;

/** Times of day and fractional seconds as Hibernate 7 maps them; a JdbcType of the package Hibernate 7 moved it to. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "shift_kind", discriminatorType = DiscriminatorType.INTEGER)
@DiscriminatorValue("1")
public class Shift {
    @Id
    @GeneratedValue
    private Long id;

    private LocalTime starts;

    private OffsetTime ends;

    @Column(secondPrecision = 6)
    private LocalTime precise;

    @FractionalSeconds(3)
    private Instant clockedAt;

    @JdbcType(PostgreSQLInetJdbcType.class)
    private InetAddress terminal;

    @Basic
    private int breaks;
}
