package catalog;

public enum CurrencyCode { EUR, USD, GBP, CHF }
