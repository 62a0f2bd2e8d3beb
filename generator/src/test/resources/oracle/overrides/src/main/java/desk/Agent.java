package desk;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Agent {
    @Id
    @GeneratedValue
    private Long id;

    private String login;
}
