package org.example.platform.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.Getter;
import lombok.Setter;
import org.example.platform.common.Money;

@Entity
@Getter
@Setter
public class Invoice extends Document {
    @Column(name = "title", length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private Money total;
}
