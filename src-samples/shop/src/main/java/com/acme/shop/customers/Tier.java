package com.acme.shop.customers;

public enum Tier { BRONZE, SILVER, GOLD }
