package relations.library;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

@MappedSuperclass
public abstract class Publication {
    @Id
    @GeneratedValue
    private Long id;

    private String title;

    @ManyToMany
    private Set<Author> authors = new HashSet<>();
}
