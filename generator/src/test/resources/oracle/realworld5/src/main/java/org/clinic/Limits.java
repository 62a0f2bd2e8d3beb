package org.clinic;
public final class Limits {
    private Limits() {}
    public static final int SHORT = 40;
    public static final int LONG = SHORT * 5;
}
