package edge;

import jakarta.persistence.*;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.*;

@Entity
@Table(name = "misc_item", indexes = {@Index(columnList = "code", unique = true), @Index(name = "ix_misc_label_desc", columnList = "label desc")})
@Check(name = "misc_positive", constraints = "weight > 0")
@Check(constraints = "weight < 1000 and weight > label_len")
public class Misc {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "misc_gen")
    @SequenceGenerator(name = "misc_gen", allocationSize = 1)
    private Integer id;
    private String code;
    private String label;
    private int labelLen;
    private double weight;
    @Column(scale = 4) private BigDecimal ratio;
    @Check(name = "misc_tiny_small", constraints = "tiny < 100") private short tiny;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR) private String essay;
    @JdbcTypeCode(SqlTypes.SQLXML) private String xml;
    @ElementCollection @Enumerated(EnumType.STRING) private Set<Status> statuses = new HashSet<>();
    @ElementCollection @Column(nullable = false) private Set<Integer> luckyNumbers = new HashSet<>();
    @OneToMany private Set<Part> parts = new HashSet<>();
    @ManyToOne(optional = false) @JoinColumn(foreignKey = @ForeignKey(name = "fk_misc_owner")) private Owner owner;
    @ManyToOne private Pair pair;
    @ElementCollection @OrderColumn(name = "pos") @CollectionTable(name = "misc_notes") private List<String> notes;
}
