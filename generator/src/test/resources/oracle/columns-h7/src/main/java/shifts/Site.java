package shifts;

import jakarta.persistence.*;

@Entity
public class Site {
    @Id
    private Long id;
}
