package io.shop.config;

/** Column sizes shared by entities, as an interface of constants. */
public interface Columns {
    int NAME = 120;
    int CODE = 16;
    String CURRENCY_COLUMN = "currency_code";
}
