package org.shipping;

import jakarta.persistence.*;

@Entity
@IdClass(ParcelId.class)
public class Parcel {
    @Id @ManyToOne private Shipment shipment;
    @Id private int number;
    @OneToOne(mappedBy = "parcel") private Customs customs;
    private double lengthCm;
}
