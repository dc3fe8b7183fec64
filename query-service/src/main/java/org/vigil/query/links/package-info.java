/**
 * The connections Vigil holds to devices it reaches itself (serial, terminal server, own TCP port) and the
 * supervision that records every link's state on the device, telling the chairs through {@link
 * org.vigil.query.links.ChairLinks}.
 */
package org.vigil.query.links;
