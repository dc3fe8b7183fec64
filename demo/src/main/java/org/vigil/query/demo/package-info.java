/**
 * The demo clinic ({@code demo} profile, run by {@code ./demo.sh}): simulated monitors and pumps sending to the
 * application over real MLLP, and sessions walked to the infusion. It lives in the demo module, so the clinical jar
 * carries no simulator.
 */
package org.vigil.query.demo;
