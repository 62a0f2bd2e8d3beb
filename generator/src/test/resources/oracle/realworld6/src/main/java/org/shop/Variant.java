package org.shop;
import jakarta.persistence.*;
@Entity
public class Variant {
    @Id @GeneratedValue private Long id;
    private String sku;
}
