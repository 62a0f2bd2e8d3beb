package org.example.platform.people;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.NamedEntity;

import java.util.HashSet;
import java.util.Set;

@Entity
@Getter
@Setter
public class Organization extends NamedEntity<Long> {
    @ManyToMany
    @JoinTable(name = "organization_member",
            joinColumns = @JoinColumn(name = "organization_id"),
            inverseJoinColumns = @JoinColumn(name = "member_id"))
    private Set<Member> members = new HashSet<>();
}
