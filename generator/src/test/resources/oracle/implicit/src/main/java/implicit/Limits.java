package implicit;

/** Constants written as expressions over the JDK's and Hibernate's constants. */
public interface Limits {
    int WIDE = Short.MAX_VALUE >> 4;
    long NARROW = 1L << 5;
    String PREFIX = "lim_" + Byte.MAX_VALUE;
}
