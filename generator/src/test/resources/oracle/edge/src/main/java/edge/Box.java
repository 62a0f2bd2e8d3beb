package edge;

import jakarta.persistence.*;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.util.Set;

/** Hibernate's @OnDelete in every place keel maps it: to-one, element collection, join table, JOINED subclass. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Box {
    @Id @GeneratedValue private Long id;

    @ManyToOne @OnDelete(action = OnDeleteAction.CASCADE) private Shelf shelf;

    @ManyToOne @OnDelete(action = OnDeleteAction.SET_NULL) private Shelf spare;

    @ManyToOne @OnDelete(action = OnDeleteAction.NO_ACTION) private Shelf plain;

    @ElementCollection @OnDelete(action = OnDeleteAction.CASCADE) private Set<String> stickers;

    @ManyToMany @OnDelete(action = OnDeleteAction.CASCADE) private Set<Shelf> neighbours;
}
