package io.shop.config;

/** Application constants, as generated applications keep them. */
public final class Constants {
    public static final String LOGIN_REGEX = "^(?>[a-zA-Z0-9!$&*+=?^_`{|}~.-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*)|(?>[_.@A-Za-z0-9-]+)$";
    public static final String SYSTEM = "system";
    public static final String DEFAULT_LANGUAGE = "en";
    public static final int LOGIN_MAX = 50;
    public static final int SKU_LENGTH = LOGIN_MAX / 2;

    private Constants() {}
}
