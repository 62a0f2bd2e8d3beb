package relations.library;

import jakarta.persistence.*;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Author {
    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToMany(mappedBy = "authors", targetEntity = Book.class)
    private List<Object> writtenBooks = new ArrayList<>();
}
