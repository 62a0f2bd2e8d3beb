package helpdesk;

/** Declared out of alphabetical order on purpose: the type's values follow the declaration. */
public enum Priority { URGENT, HIGH, NORMAL, LOW }
