package org.example.platform.people;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.billing.Attachment;
import org.example.platform.common.NamedEntity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    @OneToMany(mappedBy = Attachment.Fields.owner)
    private List<Attachment> attachments = new ArrayList<>();
}
