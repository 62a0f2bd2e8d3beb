package org.shipping;

import jakarta.persistence.*;
import java.math.*;
import java.time.*;
import java.util.*;
import org.hibernate.annotations.*;

@Entity
@SoftDelete
@SecondaryTable(name = "shipment_detail", pkJoinColumns = @PrimaryKeyJoinColumn(name = "shipment_id"))
@Check(constraints = "weight_grams >= 0")
public class Shipment {
    @Id @GeneratedValue(strategy = GenerationType.TABLE) private Long id;
    @NaturalId @Column(length = 32) private String trackingCode;
    @TenantId private String tenant;
    private int weightGrams;
    @Column(table = "shipment_detail", length = 2000) private String instructions;
    @Column(table = "shipment_detail") private Duration transitTime;
    private Year fiscalYear;
    private ZoneId zone;
    private Locale locale;
    private Currency currency;
    private char grade;
    private Character subGrade;
    private BigInteger sequenceNo;
    @Column(precision = 12, scale = 3) private BigDecimal declaredValue;
    private OffsetDateTime shippedAt;
    private ZonedDateTime deliveredAt;
    private LocalDate dueDate;
    private LocalTime cutOff;
    @Temporal(TemporalType.TIMESTAMP) private Date legacyStamp;
    private byte[] label;
    private String[] aliases;
    private List<Integer> binSizes;
    @Comment("who signed") private String signedBy;
    @Nationalized private String localName;
    @ElementCollection @OrderColumn(name = "pos") @CollectionTable(name = "shipment_stop")
    private List<Stop> stops = new ArrayList<>();
    @ElementCollection @Enumerated(EnumType.STRING)
    private Set<Flag> flags = EnumSet.noneOf(Flag.class);
    @Version private Instant touched;
}
