package org.fleet;

import jakarta.persistence.*;
import java.time.*;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

/** The other storage types, a named offset column, and @NotFound(EXCEPTION). */
@Entity
public class Shift {
    @Id @GeneratedValue private Long id;
    @TimeZoneStorage(TimeZoneStorageType.AUTO) private ZonedDateTime startsAt;
    @TimeZoneStorage(TimeZoneStorageType.COLUMN) @TimeZoneColumn(name = "ends_offset") private OffsetDateTime endsAt;
    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE) private OffsetDateTime plannedAt;
    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE_UTC) private ZonedDateTime loggedAt;
    @TimeZoneStorage(TimeZoneStorageType.COLUMN) private OffsetTime handover;
    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE) private OffsetTime briefing;
    @ManyToOne @NotFound(action = NotFoundAction.EXCEPTION) @JoinColumn(name = "lead_id") private Vehicle lead;
    @OneToOne @NotFound(action = NotFoundAction.IGNORE) private Depot base;
}
