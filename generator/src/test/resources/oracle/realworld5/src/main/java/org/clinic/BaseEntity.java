package org.clinic;
import jakarta.persistence.*;
import java.io.Serializable;
@MappedSuperclass
public class BaseEntity implements Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
}
