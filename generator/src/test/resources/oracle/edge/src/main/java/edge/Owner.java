package edge;

import jakarta.persistence.*;

@Entity
@Table(name = "\"Owner\"")
public class Owner {
    @Id @GeneratedValue private long id;
    @Column(name = "\"DisplayName\"") private String displayName;
}
