/**
 * The Masimo pulse oximeter's ASCII 1 serial output (Rad-8, Radical-5/7, Rad-87; docs/PROTOCOLS.md §4), in three
 * pure steps: {@link org.vigil.adapters.masimo.wire.MasimoFramer} (bytes to lines), {@link
 * org.vigil.adapters.masimo.wire.MasimoLineDecoder} (line to {@link org.vigil.adapters.masimo.wire.MasimoReading})
 * and {@link org.vigil.adapters.masimo.wire.MasimoMapper} (reading to observations, and the {@link
 * org.vigil.adapters.masimo.wire.MasimoCondition}s of its bit fields to technical device alarms).
 *
 * <h2>Line</h2>
 * 9600 baud, 8N1, no flow control; the oximeter only talks. Once a second, one line ended by CR LF:
 * <pre>11/03/26 09:14:02 SN=0000012345 SPO2=097% BPM=084 PI=02.10% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000000</pre>
 * <table>
 * <caption>fields</caption>
 * <tr><th>field</th><th>form</th><th>Vigil</th></tr>
 * <tr><td>date, time</td><td>{@code MM/dd/yy HH:mm:ss}, the oximeter's clock</td><td>device time, beside the
 * receive time</td></tr>
 * <tr><td>{@code SN}</td><td>serial number (Radical-7)</td><td>read</td></tr>
 * <tr><td>{@code SPO2}</td><td>{@code 097%}, or {@code ---%}</td><td>SpO2</td></tr>
 * <tr><td>{@code BPM}</td><td>{@code 084}, or {@code ---}</td><td>pulse rate</td></tr>
 * <tr><td>{@code PI}</td><td>{@code 02.10%}, or {@code --.--%}</td><td>perfusion index</td></tr>
 * <tr><td>{@code SPCO}, {@code SPMET}</td><td>{@code 01.0%}, or {@code --.-%} (Rainbow models)</td><td>recorded
 * when present</td></tr>
 * <tr><td>{@code DESAT}, {@code PIDELTA}, {@code PVI}</td><td>integers or dashes</td><td>skipped</td></tr>
 * <tr><td>{@code ALARM}</td><td>hexadecimal bits ({@link org.vigil.adapters.masimo.wire.AlarmFlag})</td><td>low
 * battery and alarm silenced become conditions</td></tr>
 * <tr><td>{@code EXC}</td><td>hexadecimal bits ({@link org.vigil.adapters.masimo.wire.ExceptionFlag})</td><td>each
 * fault becomes a condition; sensor and cable faults make the values not available</td></tr>
 * </table>
 */
package org.vigil.adapters.masimo.wire;
