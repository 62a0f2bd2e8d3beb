package reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Entity
public class ExpertReview extends Review {
    @NotNull
    @Min(1)
    @Max(20)
    private Integer yearsOfExperience;

    @Column(nullable = false)
    @Max(3)
    @Min(1)
    private int certificationLevel;

    private int citations;
}
