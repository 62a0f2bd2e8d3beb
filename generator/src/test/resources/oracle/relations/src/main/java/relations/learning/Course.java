package relations.learning;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Course {
    @Id
    @GeneratedValue
    private Long courseId;

    private String title;

    /** Bidirectional with camelCase attribute names on both sides. */
    @ManyToMany
    private List<Student> enrolledStudents = new ArrayList<>();
}
