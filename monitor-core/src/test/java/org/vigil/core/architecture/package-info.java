/**
 * The core's dependency rules as ArchUnit tests (docs/DESIGN.md, "Dependency rules").
 */
package org.vigil.core.architecture;
