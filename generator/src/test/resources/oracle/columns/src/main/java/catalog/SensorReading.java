package catalog;

import jakarta.persistence.*;

import java.time.Instant;

/** A warehouse climate reading. */
@Entity
@Table(name = "sensor_readings")
public class SensorReading {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant takenAt;

    @Column(precision = 7)
    private float temperature;

    @Column(precision = 6)
    private Double humidity;

    @Column(precision = 15)
    private Double latitude;

    @Column(precision = 15)
    private Double longitude;

    @Column(precision = 10, scale = 0)
    private double altitude;

    @Column(scale = 4)
    private Double pressure;

    private Float batteryLevel;

    @Column(precision = 3)
    private Float signalQuality;
}
