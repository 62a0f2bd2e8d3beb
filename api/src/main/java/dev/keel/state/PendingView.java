package dev.keel.state;

import java.util.List;

/**
 * The view that keeps the old name {@code view} of the renamed table {@code target} usable by the code
 * still running, with the columns under their old names ({@code columns}, in the order of the table's
 * columns when the view was made); dropped in the delete phase. {@link #model()} and {@link #table()}
 * give the view's name.
 */
public record PendingView(String app, String view, String target, List<String> columns) implements PendingDeletion {
    public PendingView {
        Names.require(app, "app label");
        Names.require(view, "view");
        Names.require(target, "table");
        columns = List.copyOf(columns);
    }

    @Override
    public String model() {
        return view;
    }

    @Override
    public String table() {
        return view;
    }
}
