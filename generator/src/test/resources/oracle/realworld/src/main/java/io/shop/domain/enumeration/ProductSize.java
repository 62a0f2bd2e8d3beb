package io.shop.domain.enumeration;

/** The ProductSize enumeration. */
public enum ProductSize {
    S, M, L, XL, XXL
}
