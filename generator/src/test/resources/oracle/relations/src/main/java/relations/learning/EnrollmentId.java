package relations.learning;

import jakarta.persistence.Id;

import java.io.Serializable;

public class EnrollmentId implements Serializable {
    @Id
    private Long studentId;
    @Id
    private Long courseId;
}
