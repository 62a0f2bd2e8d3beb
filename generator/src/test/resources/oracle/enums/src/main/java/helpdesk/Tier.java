package helpdesk;

/** Stored as SqlTypes.NAMED_ORDINAL_ENUM: the type keeps the declaration order. */
public enum Tier { GOLD, SILVER, BRONZE }
