package com.acme.shop.orders;

public enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }
