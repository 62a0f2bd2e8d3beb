package relations.library;

import jakarta.persistence.*;

@Entity
public class Book extends Publication {
    private String isbn;
}
