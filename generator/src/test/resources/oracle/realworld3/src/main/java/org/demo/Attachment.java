package org.demo;

import jakarta.persistence.*;

@Entity
public class Attachment {
    @EmbeddedId
    private AttachmentId id;

    @ManyToOne
    @JoinColumns({@JoinColumn(name = "a_tenant", referencedColumnName = "tenant"), @JoinColumn(name = "a_number", referencedColumnName = "number")})
    private Author author;

    private byte[] data;
}
