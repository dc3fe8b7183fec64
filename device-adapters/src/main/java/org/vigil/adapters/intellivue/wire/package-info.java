/**
 * The pure part of IntelliVue Data Export: MIB framing, the association and polling dialog of IntelliVueClient,
 * message encoding and decoding, and mapping of numerics to observations. Bytes and clock ticks in, values out;
 * only the JDK and org.vigil.core.api.
 */
package org.vigil.adapters.intellivue.wire;
