package org.vigil.query.live;

import java.util.List;
import org.vigil.core.api.ChairView;

/** Every chair as it is now, which a screen receives first when it connects to the live stream. */
public interface CurrentChairs {

    /** Every chair, in the order of their ids. */
    List<ChairView> all();
}
