package helpdesk;

public enum TicketState { OPEN, WAITING_ON_CUSTOMER, SOLVED, CLOSED }
