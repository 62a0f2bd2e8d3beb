/**
 * The depot's records, numbered by the generators declared here for every entity of the application.
 */
@GenericGenerator(name = "crate_ids", type = SequenceStyleGenerator.class, parameters = {
        @Parameter(name = "sequence_name", value = CRATES),
        @Parameter(name = "increment_size", value = Numbering.CRATE_STEP),
        @Parameter(name = "initial_value", value = "100")})
@GenericGenerator(name = "ID_GENERATOR", strategy = "enhanced-sequence", parameters = {
        @Parameter(name = "sequence_name", value = "DEPOT_SEQUENCE"),
        @Parameter(name = "initial_value", value = "1000")})
package depot;

import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;
import org.hibernate.id.enhanced.SequenceStyleGenerator;

import static depot.Numbering.CRATES;
