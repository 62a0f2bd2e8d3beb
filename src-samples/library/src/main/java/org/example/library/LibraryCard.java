package org.example.library;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"cardNumber", "branch"}))
public class LibraryCard {
    @Id
    @GeneratedValue
    private Long id;

    private String cardNumber;

    private String branch;

    @OneToOne(optional = false)
    @JoinColumn(name = "member_id")
    private Member member;
}
