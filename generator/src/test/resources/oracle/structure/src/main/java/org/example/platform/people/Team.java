package org.example.platform.people;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.NamedEntity;

import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Getter
@Setter
public class Team extends NamedEntity<Long> {
    @ManyToMany
    @JoinTable(name = "team_member",
            joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "member_id"))
    private Set<Member> members = new LinkedHashSet<>();
}
