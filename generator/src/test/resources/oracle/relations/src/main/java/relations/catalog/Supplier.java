package relations.catalog;

import jakarta.persistence.*;

@Entity
public class Supplier {
    @Id
    @GeneratedValue
    private Long id;

    private String companyName;
}
