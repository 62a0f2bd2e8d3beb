/**
 * The stock's generators, in the container the older code writes them in.
 */
@GenericGenerators({
        @GenericGenerator(name = "pallet_ids", strategy = "sequence", parameters = {
                @Parameter(name = "sequence_name", value = "pallet_numbers"),
                @Parameter(name = "increment_size", value = "5")})
})
package depot.stock;

import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.GenericGenerators;
import org.hibernate.annotations.Parameter;
