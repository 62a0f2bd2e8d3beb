package com.acme.common;

public class BaseSizes {
    public static final int CODE = 12;
}
