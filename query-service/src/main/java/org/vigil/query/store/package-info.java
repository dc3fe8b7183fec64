/**
 * How the record is stored: the embedded SQLite store and its durability checks, the compact stored form of events,
 * backup, export and the import of the former H2 store.
 */
package org.vigil.query.store;
