package com.acme.shop.customers;

/** Points as a value object, stored as an integer by an auto-applied converter. */
public record LoyaltyPoints(int value) {}
