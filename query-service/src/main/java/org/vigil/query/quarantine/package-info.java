/**
 * The fence in front of the record: device messages from senders the clinic did not configure, or from addresses
 * their device entry does not allow, are quarantined — stored apart, shown to engineers, never fed to a chair.
 */
package org.vigil.query.quarantine;
