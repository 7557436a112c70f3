package dev.ledgerbridge.gateway.security;

/** A stored token that cannot be decrypted (tampered, moved, or under an unknown key); the message names no secret. */
public class TokenDecryptionException extends RuntimeException {

    public TokenDecryptionException(String message) {
        super(message);
    }
}
