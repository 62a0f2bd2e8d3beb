package desk;

import java.io.Serializable;

public class TicketDataKey implements Serializable {
    private String ticket;
    private String name;
}
