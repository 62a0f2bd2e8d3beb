package depot.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Names a generator declared nowhere: Hibernate makes a sequence of that name (in the default schema). */
@Entity
@Table(schema = "stock")
public class Tray {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trayNumbers")
    private Long id;

    private String slot;
}
