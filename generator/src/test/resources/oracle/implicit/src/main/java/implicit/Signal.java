package implicit;

import jakarta.persistence.*;

import java.util.Map;

/**
 * Unique constraints over exactly the primary key's columns, which Hibernate drops (the key is unique already),
 * on an entity's table and on a Map collection's table, written in another order than the key's.
 */
@Entity
@Table(uniqueConstraints = {@UniqueConstraint(name = "uk_signal_key", columnNames = {"mast", "code"}),
        @UniqueConstraint(columnNames = {"mast", "flag"})})
public class Signal implements java.io.Serializable {
    @Id
    private String mast;
    @Id
    private String code;
    private String flag;

    @ElementCollection
    @MapKeyColumn(name = "setting")
    @Column(name = "setting_value")
    @CollectionTable(name = "signal_setting", joinColumns = {@JoinColumn(name = "signal_mast"), @JoinColumn(name = "signal_code")},
            uniqueConstraints = @UniqueConstraint(columnNames = {"signal_mast", "setting", "signal_code"}))
    private Map<String, String> settings;
}
