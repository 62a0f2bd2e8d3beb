package com.acme.common;

/** Constants declared, inherited from a superclass and a superinterface, and in a nested class. */
public class Sizes extends BaseSizes implements Limits {
    public static final int PRECISION = 3 * 4 + 2;
    public static final short SMALL = 7;
    public static int notConstant = 5;

    public static final class Columns {
        public static final int TITLE = Sizes.NAME_LENGTH / 2;

        private Columns() {}
    }
}
