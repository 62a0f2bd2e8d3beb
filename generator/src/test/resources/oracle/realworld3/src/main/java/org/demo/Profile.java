package org.demo;

import jakarta.persistence.*;

/** A legacy mapping: one entity over three tables. */
@Entity
@Table(name = "profile")
@SecondaryTable(name = "profile_stats", pkJoinColumns = @PrimaryKeyJoinColumn(name = "profile_id", foreignKey = @ForeignKey(name = "fk_stats_profile")))
@SecondaryTable(name = "ProfileAddress", foreignKey = @ForeignKey(name = "fk_profile_address_ignored"),
        uniqueConstraints = @UniqueConstraint(columnNames = {"street", "city"}), indexes = @Index(columnList = "city"))
public class Profile {
    @Id
    @GeneratedValue
    private Long id;

    private String nickname;

    @Column(table = "profile_stats")
    private long visits;

    @Column(table = "profile_stats", nullable = false)
    private Integer likes;

    @Column(table = "ProfileAddress", length = 80)
    private String street;

    @Column(table = "ProfileAddress")
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(table = "ProfileAddress")
    private Kind kind;

    @Embedded
    private Point point;

    public enum Kind { HOME, WORK }
}
