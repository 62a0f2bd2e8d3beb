package org.demo;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

@Embeddable
public class AttachmentId implements Serializable {
    private String fileName;
    private int revision;
}
