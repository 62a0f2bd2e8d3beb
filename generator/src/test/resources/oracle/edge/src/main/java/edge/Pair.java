package edge;

import jakarta.persistence.*;
import java.io.Serializable;

@Entity
@IdClass(Pair.Key.class)
public class Pair {
    @Id private String leftKey;
    @Id private int rightKey;
    private String note;

    public static class Key implements Serializable {
        private String leftKey;
        private int rightKey;
    }
}
