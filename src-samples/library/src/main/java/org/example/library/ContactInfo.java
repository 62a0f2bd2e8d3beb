package org.example.library;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.validation.constraints.NotNull;

@Embeddable
public class ContactInfo {
    @NotNull
    private String email;

    @Embedded
    private Phone phone;
}
