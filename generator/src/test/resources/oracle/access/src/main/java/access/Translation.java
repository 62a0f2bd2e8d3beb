package access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Translation {
    private String name;

    @Column(length = 2000)
    private String description;
}
