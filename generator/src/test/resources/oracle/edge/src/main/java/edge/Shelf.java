package edge;

import jakarta.persistence.*;

@Entity
public class Shelf {
    @Id @GeneratedValue private Long id;
    private String label;
}
