package edge;

import jakarta.persistence.*;

@Entity
public class Part {
    @Id private char code;
    private String name;
}
