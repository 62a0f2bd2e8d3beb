package archive;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Element collections whose table is written with @JoinTable, which Hibernate reads as the collection table. */
@Entity
@Table(name = "Ledger_Book")
public class Ledger {
    @Id
    @GeneratedValue
    private Long id;

    @ElementCollection
    @JoinTable(name = "Ledger_Entry_Attributes", joinColumns = @JoinColumn(name = "ledger_entry_id"),
            foreignKey = @ForeignKey(name = "fk_ledger_entry_attributes"),
            indexes = @Index(name = "ix_ledger_attribute_owner", columnList = "ledger_entry_id"))
    @MapKeyColumn(name = "attribute_name")
    @Column(name = "attribute_value")
    private Map<String, String> attributes = new HashMap<>();

    @ElementCollection
    @JoinTable(name = "Ledger_Tags", joinColumns = @JoinColumn(name = "ledger"),
            uniqueConstraints = @UniqueConstraint(name = "uq_ledger_tag", columnNames = {"ledger", "tag"}))
    @Column(name = "tag", length = 30)
    private Set<String> tags = new HashSet<>();

    @ElementCollection
    @JoinTable
    private Set<Integer> pages = new HashSet<>();
}
