package helpdesk;

public enum Channel { EMAIL, PHONE, CHAT }
