package relations.learning;

import java.io.Serializable;

public class LessonProgressKey implements Serializable {
    private Long learnerId;
    private Integer lessonNumber;
}
