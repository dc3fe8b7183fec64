package org.vigil.adapters.intellivue.wire;

/**
 * Big-endian reader over a slice of a message (the guide's "Byte Order": network order). Every read is bounds
 * checked; running past the slice throws {@link Malformed}, which the decoder turns into a failure value.
 */
final class ByteReader {

    /** A message that does not fit its own length fields. Never leaves the decoder. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] bytes;
    private final int end;
    private int position;

    ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ByteReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    int remaining() {
        return end - position;
    }

    int u8() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    int u16() {
        require(2);
        int v = (bytes[position] & 0xFF) << 8 | (bytes[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    long u32() {
        return (long) u16() << 16 | u16();
    }

    byte[] bytes(int count) {
        require(count);
        byte[] out = new byte[count];
        System.arraycopy(bytes, position, out, 0, count);
        position += count;
        return out;
    }

    void skip(int count) {
        require(count);
        position += count;
    }

    /** A reader over the next {@code count} bytes; this reader moves past them. */
    ByteReader slice(int count) {
        require(count);
        ByteReader slice = new ByteReader(bytes, position, position + count);
        position += count;
        return slice;
    }

    private void require(int count) {
        if (count < 0 || count > end - position) {
            throw new Malformed("needs " + count + " bytes, " + (end - position) + " left");
        }
    }
}
