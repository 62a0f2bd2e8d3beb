package org.example.platform.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.BaseEntity;
import org.example.platform.common.Limits;

/** A row of Team.members' join table with an id and a role of its own. */
@Entity
@Table(name = "team_member")
@Getter
@Setter
public class TeamAssignment extends BaseEntity<Long> {
    @ManyToOne
    @JoinColumn(name = "team_id")
    private Team team;

    @ManyToOne
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(length = Limits.SHORT_TEXT)
    private String role;
}
