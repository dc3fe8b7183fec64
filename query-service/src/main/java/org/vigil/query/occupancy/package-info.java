/**
 * The command side's record of which session runs at each chair, written in the transaction that starts or ends the
 * session: where device messages are routed ({@link org.vigil.core.session.ChairOccupancy}).
 */
package org.vigil.query.occupancy;
