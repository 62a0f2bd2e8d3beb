package org.example.platform.common;

import lombok.experimental.UtilityClass;

/** Sizes of free-text columns. */
@UtilityClass
public class Limits {
    public final int SHORT_TEXT = 64;
    public final int LONG_TEXT = 16 * SHORT_TEXT;
}
