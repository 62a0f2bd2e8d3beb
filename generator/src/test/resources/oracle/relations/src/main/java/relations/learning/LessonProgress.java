package relations.learning;

import jakarta.persistence.*;

@Entity
@IdClass(LessonProgressKey.class)
public class LessonProgress {
    @Id
    @Column(name = "learner")
    private Long learnerId;

    @Column(name = "lesson_no")
    private Integer lessonNumber;

    private int percentDone;
}
