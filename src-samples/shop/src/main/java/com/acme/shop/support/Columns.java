package com.acme.shop.support;

/** Column names and sizes shared by several entities. */
public final class Columns {
    public static final String SKU = "sku_code";
    public static final int SKU_LENGTH = 32;
    public static final int EMAIL_LENGTH = 320;
    public static final String CREATED = "created_" + "at";

    private Columns() {}
}
