package relations.library;

import jakarta.persistence.*;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Shelf {
    @Id
    @GeneratedValue
    private Long id;

    private String code;

    @OneToMany
    @JoinColumn(name = "shelf_id")
    @OnDelete(action = OnDeleteAction.CASCADE)
    private List<Copy> copies = new ArrayList<>();
}
