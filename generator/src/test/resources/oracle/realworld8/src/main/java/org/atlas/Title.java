package org.atlas;

import jakarta.persistence.*;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"lang", "code"}))
public class Title {
    @Id @GeneratedValue private Long id;
    private String lang;
    private String code;
}
