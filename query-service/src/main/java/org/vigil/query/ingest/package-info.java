/**
 * Where decoded device messages become commands: the MLLP listener, the routing of each message to the session at
 * its device's chair, duplicate recognition, and what the station shows when the store or a decision fails.
 */
package org.vigil.query.ingest;
