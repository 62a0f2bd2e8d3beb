package org.example.multi.crm;

import jakarta.persistence.*;

/** A sequence name with a catalog, a schema and a name. */
@Entity
public class Meeting {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_gen")
    @SequenceGenerator(name = "meeting_gen", sequenceName = "calendar.crm.meeting_ids")
    private Long id;
}
