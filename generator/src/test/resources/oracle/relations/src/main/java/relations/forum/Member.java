package relations.forum;

import jakarta.persistence.*;

import java.util.HashSet;
import java.util.Set;

/** A self-referencing bidirectional many-to-many. */
@Entity
@Table(name = "members")
public class Member {
    @Id
    @GeneratedValue
    private Long id;

    private String handle;

    @ManyToMany
    private Set<Member> following = new HashSet<>();

    @ManyToMany(mappedBy = "following")
    private Set<Member> followers = new HashSet<>();
}
