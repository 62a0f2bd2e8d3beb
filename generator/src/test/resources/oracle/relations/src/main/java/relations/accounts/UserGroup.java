package relations.accounts;

import jakarta.persistence.*;

@Entity
@Table(name = "user_group")
public class UserGroup {
    @Id
    @GeneratedValue
    private Long id;

    private String name;
}
