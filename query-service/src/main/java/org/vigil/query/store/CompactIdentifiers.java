package org.vigil.query.store;

import java.security.SecureRandom;
import java.util.Base64;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers Axon gives every message, stored with each event: 128 random bits, as many as a random UUID
 * holds, written in 22 characters of URL-safe Base64 instead of a UUID's 36. Every stored event saves 14 bytes.
 * Axon finds this factory through {@code META-INF/services/org.axonframework.common.IdentifierFactory}. Nothing
 * in Vigil reads a message identifier as a UUID; identifiers stored before stay as they are.
 */
public final class CompactIdentifiers extends IdentifierFactory {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String generateIdentifier() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return BASE64.encodeToString(bits);
    }
}
