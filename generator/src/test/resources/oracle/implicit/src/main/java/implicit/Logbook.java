package implicit;

import jakarta.persistence.*;
import org.hibernate.Length;

import static java.lang.Integer.MAX_VALUE;

/** Column sizes and names as constant expressions: JDK and Hibernate constants, arithmetic, shifts, casts. */
@Entity
@Table(indexes = @Index(name = "idx_" + "logbook_" + Short.SIZE, columnList = "entry"))
public class Logbook {
    @Id
    private Long id;
    @Column(length = Integer.MAX_VALUE - 1)
    private String entry;
    @Column(length = Length.LONG32)
    private String story;
    @Column(length = Length.LONG)
    private String summary;
    @Column(length = org.hibernate.Length.LONG16)
    private String digest;
    @Column(length = (MAX_VALUE + 2) / -1048576)
    private String wrapped;
    @Column(length = Limits.WIDE + 1)
    private String wide;
    @Column(length = (int) (Limits.NARROW * 3))
    private String narrow;
    @Column(length = (1 << 33) + (byte) 300)
    private String shifted;
    @Column(name = Limits.PREFIX + "_" + (char) 97)
    private String named;
    @Column(precision = Byte.SIZE + 2, scale = ((Character.BYTES)))
    private java.math.BigDecimal amount;
}
