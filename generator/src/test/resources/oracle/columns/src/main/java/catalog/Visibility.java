package catalog;

public enum Visibility { PRIVATE, INTERNAL, PUBLIC }
