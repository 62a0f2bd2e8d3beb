package org.shipping;

import jakarta.persistence.*;

@Entity
public class Customs {
    @Id private Long id;
    @OneToOne @MapsId private Invoice invoice;
    @OneToOne @JoinColumns({@JoinColumn(name = "shipment_id", referencedColumnName = "shipment_id"), @JoinColumn(name = "parcel_number", referencedColumnName = "number")})
    private Parcel parcel;
    @Column(columnDefinition = "text") private String declaration;
}
