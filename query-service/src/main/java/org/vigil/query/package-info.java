/**
 * Vigil's one application, which assembles the clinical core, the device adapters and the packages below: device
 * links and ingest, read models, the REST API, the live stream and the nurses' station page.
 */
package org.vigil.query;
