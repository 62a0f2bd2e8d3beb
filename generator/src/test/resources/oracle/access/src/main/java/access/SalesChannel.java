package access;

public enum SalesChannel { WEB, STORE, MARKETPLACE }
