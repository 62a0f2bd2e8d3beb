package implicit;

import jakarta.persistence.Column;

public class Rope {
    @Column(name = "rope_grade", length = 12)
    private String grade;
    @Column(name = "rope_length")
    private Double length;
}
