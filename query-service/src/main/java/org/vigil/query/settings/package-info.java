/**
 * Vigil's own settings ({@code vigil.*} in application.yml) and the device-to-chair bindings read from them: a leaf
 * every other package may read.
 */
package org.vigil.query.settings;
