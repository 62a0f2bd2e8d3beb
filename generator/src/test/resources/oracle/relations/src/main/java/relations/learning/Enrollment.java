package relations.learning;

import jakarta.persistence.*;

import java.time.LocalDate;

/** The id attributes come from the @IdClass: only one entity field carries @Id. */
@Entity
@IdClass(EnrollmentId.class)
public class Enrollment {
    @Id
    private Long studentId;

    private Long courseId;

    private LocalDate enrolledOn;
}
