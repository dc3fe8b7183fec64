/**
 * The upcasters that read every stored revision of an event in its current shape; a stored event is never
 * rewritten.
 */
package org.vigil.core.upcasting;
