package desk;

import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import java.util.Set;

@MappedSuperclass
public abstract class Assignment {
    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne
    private Ticket ticket;

    @ManyToOne
    @JoinColumn(name = "agent_id")
    private Agent agent;

    @ManyToOne
    @JoinColumn(name = "reviewer_id", foreignKey = @ForeignKey(name = "assignment_reviewer_fk"))
    private Agent reviewer;

    @ManyToOne
    private Agent owner;

    @ManyToMany
    private Set<Agent> watchers;
}
