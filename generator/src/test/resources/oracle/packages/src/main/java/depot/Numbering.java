package depot;

/** The numbering of the depot's records. */
public final class Numbering {
    public static final String CRATES = "crate_numbers";
    public static final String CRATE_STEP = "10";

    private Numbering() {
    }
}
