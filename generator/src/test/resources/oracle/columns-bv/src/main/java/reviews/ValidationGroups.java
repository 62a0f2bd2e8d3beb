package reviews;

import jakarta.validation.groups.Default;

/** Validation groups of the review workflow. */
public final class ValidationGroups {
    private ValidationGroups() {}

    /** Checked only when a review is submitted. */
    public interface OnSubmit {}

    /** Checked by moderators, on top of the default constraints. */
    public interface Moderation extends Default {}
}
