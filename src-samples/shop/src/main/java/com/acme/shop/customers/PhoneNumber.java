package com.acme.shop.customers;

/** A value object stored as text through {@link PhoneNumberConverter}. */
public record PhoneNumber(String digits) {}
