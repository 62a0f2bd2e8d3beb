package relations.learning;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@Entity
public class Student {
    @Id
    @GeneratedValue
    private Long studentId;

    private String fullName;

    @ManyToMany(mappedBy = "enrolledStudents")
    private Set<Course> enrolledCourses = new HashSet<>();
}
