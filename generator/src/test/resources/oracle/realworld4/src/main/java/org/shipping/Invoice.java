package org.shipping;

import jakarta.persistence.*;
import jakarta.validation.constraints.*;
import java.util.*;

@Entity
public class Invoice {
    @Id @GeneratedValue private Long id;
    @org.hibernate.annotations.TenantId @Column(nullable = true, length = 40) private String tenant;
    @NotNull @Size(min = 3, max = 3) private String currencyCode;
    @Min(0) @Max(1000000) private Integer amount;
    @Positive private long units;
    @Digits(integer = 8, fraction = 2) private java.math.BigDecimal total;
    @ManyToMany @OrderBy("id") private List<Shipment> shipments;
    @ElementCollection @MapKeyEnumerated(EnumType.STRING) @MapKeyColumn(name = "flag")
    private Map<Flag, Integer> flagCounts;
}
