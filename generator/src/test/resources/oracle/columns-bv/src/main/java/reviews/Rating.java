package reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Embeddable
public class Rating {
    @Min(1)
    @Max(5)
    private int overall;

    @Min(0)
    @Max(10)
    @Column(name = "value_for_money")
    private int valueForMoney;
}
