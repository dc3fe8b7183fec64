/**
 * The infusion pump's ASCII command protocol (docs/PROTOCOLS.md §3), in three pure steps: {@link
 * org.vigil.adapters.pump.wire.PumpFramer} (bytes to frames), {@link
 * org.vigil.adapters.pump.wire.PumpReplyDecoder} (frame body to {@link
 * org.vigil.adapters.pump.wire.PumpReply}) and {@link org.vigil.adapters.pump.wire.PumpReplyMapper} (reply
 * to {@link org.vigil.core.api.PumpReport}); {@link org.vigil.adapters.pump.wire.PumpCommands} and {@link
 * org.vigil.adapters.pump.wire.PumpFrames} write the other direction.
 *
 * <h2>Frame</h2>
 * {@code !BODY|CCCC\r}: the body is printable ASCII without {@code !} and {@code |}; {@code CCCC} is CRC-16/CCITT
 * (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) of the body's bytes as four uppercase hex
 * digits. Fields inside the body are separated by {@code ^}. Line: 38400 baud, 8N1.
 *
 * <h2>Commands (Vigil to pump)</h2>
 * <table>
 * <caption>commands</caption>
 * <tr><th>body</th><th>reply</th></tr>
 * <tr><td>{@code INF}</td><td>status reply</td></tr>
 * <tr><td>{@code INF_PROG}</td><td>programme reply</td></tr>
 * <tr><td>{@code INF_RATE^<x>^ml/h}</td><td>{@code ACK^INF_RATE} or {@code NAK^INF_RATE^<reason>}</td></tr>
 * <tr><td>{@code INF_VTBI^ACTIV^<v>^ml^STOP}</td><td>{@code ACK^INF_VTBI} or NAK</td></tr>
 * <tr><td>{@code INF_START}, {@code INF_STOP}</td><td>ACK or NAK</td></tr>
 * <tr><td>{@code REMOTE_CTRL^ENABLED^<watchdog s>}, {@code REMOTE_CTRL^DISABLED}</td><td>ACK</td></tr>
 * </table>
 * Setting and control commands are refused ({@code NAK^<command>^REMOTE_DISABLED}) unless remote control is
 * enabled; an unknown command gets {@code NAK^<command>^UNKNOWN}. Polls and queries are always answered.
 *
 * <h2>Status reply</h2>
 * {@code INF^serial^alarms^mode^rate^infused^pressure^remaining-time[^remaining-volume[^device-time]]}: the seven
 * fields docs/PROTOCOLS.md names, in its order, then two optional fields this implementation adds.
 * <table>
 * <caption>status reply fields</caption>
 * <tr><th>#</th><th>field</th><th>form</th><th>example</th></tr>
 * <tr><td>1</td><td>serial number</td><td>{@code [A-Za-z0-9_.-]{1,32}}</td><td>{@code ALR8100-0042}</td></tr>
 * <tr><td>2</td><td>alarm state</td><td>{@code NONE}, or active alarm codes joined by {@code +}: {@code OCCL_DOWN},
 * {@code OCCL_UP}, {@code AIR}, {@code DOOR}, {@code COMPLETE}, {@code BATT_LOW}</td><td>{@code OCCL_DOWN+BATT_LOW}</td></tr>
 * <tr><td>3</td><td>mode</td><td>{@code IDLE INFUSING PAUSED STOPPED COMPLETE KVO}</td><td>{@code INFUSING}</td></tr>
 * <tr><td>4</td><td>programmed rate, mL/h</td><td>decimal, up to 4 places</td><td>{@code 52.5}</td></tr>
 * <tr><td>5</td><td>volume infused in this programme, mL (KVO volume not counted)</td><td>decimal</td><td>{@code 10.50}</td></tr>
 * <tr><td>6</td><td>downstream line pressure, mmHg</td><td>integer, or {@code --}</td><td>{@code 42}</td></tr>
 * <tr><td>7</td><td>time remaining</td><td>{@code h:mm:ss}, or {@code --} when not infusing</td><td>{@code 0:28:00}</td></tr>
 * <tr><td>8</td><td>volume remaining, mL (optional)</td><td>decimal, or {@code --}</td><td>{@code 24.50}</td></tr>
 * <tr><td>9</td><td>pump clock (optional)</td><td>{@code yyyyMMddHHmmss}, the pump's own zone</td><td>{@code 20250301101200}</td></tr>
 * </table>
 *
 * <h2>Programme reply</h2>
 * {@code INF_PROG^drug^concentration mg/mL^rate mL/h^VTBI mL^dose rate^dose rate unit}, e.g.
 * {@code INF_PROG^KETAMINE^1^52.5^35^0.75^mg/kg/h}; dose rate and unit are {@code --} when the programme is not
 * dose-based.
 */
package org.vigil.adapters.pump.wire;
