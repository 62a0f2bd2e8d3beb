package edge;

import jakarta.persistence.*;
import java.io.Serializable;

@Entity
@IdClass(Pair.Key.class)
public class Pair {
    @Id private String left;
    @Id private int right;
    private String note;

    public static class Key implements Serializable {
        private String left;
        private int right;
    }
}
