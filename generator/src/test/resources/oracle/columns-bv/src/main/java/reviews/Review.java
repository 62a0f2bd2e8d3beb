package reviews;

import jakarta.persistence.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import jakarta.validation.groups.Default;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

import java.math.BigDecimal;

@Entity
@Table(name = "reviews")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Review {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Length(max = 140)
    private String title;

    @Min(1)
    @Max(5)
    private int stars;

    @Max(100)
    @Min(0)
    private int helpfulnessScore;

    @Range(min = 1, max = 9)
    @Column(name = "priority_bucket")
    private Integer priority;

    @Min(value = 18, message = "reviewers must be adults")
    @Max(value = 120, message = "implausible age")
    private Integer reviewerAge;

    @Min(value = 1, groups = ValidationGroups.OnSubmit.class)
    @Max(50)
    private Integer photoCount;

    @NotNull(groups = ValidationGroups.OnSubmit.class)
    private String submittedBy;

    @NotNull(groups = {ValidationGroups.OnSubmit.class, Default.class})
    private String channel;

    @NotNull(groups = ValidationGroups.Moderation.class)
    private String moderatorNote;

    @Size(max = 20, groups = ValidationGroups.OnSubmit.class)
    private String locale;

    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private BigDecimal sentiment;

    @NotNull
    @Column
    private boolean verifiedPurchase;

    @Column(name = "edit_count")
    @PositiveOrZero
    private int editCount;

    @Basic
    @Min(0)
    private long readCount;

    @Digits(integer = 3, fraction = 0)
    private Double confidence;

    @Digits(integer = 6, fraction = 0)
    private float weight;

    @Valid
    @NotNull
    @Embedded
    private Rating rating;
}
