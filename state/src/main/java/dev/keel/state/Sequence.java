package dev.keel.state;

/** A sequence, such as the {@code post_seq} that Hibernate uses for {@code GenerationType.SEQUENCE}. */
public record Sequence(String name, long start, long increment) {
    public Sequence {
        Names.require(name, "sequence name");
        if (increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " cannot increment by 0");
        }
    }

    public static Sequence of(String name) {
        return new Sequence(name, 1, 1);
    }

    public Sequence startWith(long value) {
        return new Sequence(name, value, increment);
    }

    public Sequence incrementBy(long value) {
        return new Sequence(name, start, value);
    }
}
