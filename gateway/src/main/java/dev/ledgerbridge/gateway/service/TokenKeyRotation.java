package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.repository.ConnectionTokenRepository;
import dev.ledgerbridge.gateway.repository.ConnectionTokenRepository.EncryptedRow;
import dev.ledgerbridge.gateway.security.TokenCipher;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-encrypts every stored token with the active key (after a key rotation, before the previous key is removed from
 * the configuration) and counts what it did. A row a refresh changed in the meantime is left alone: the refresh already
 * wrote it under the active key.
 */
@ApplicationScoped
public class TokenKeyRotation {

    private final ConnectionTokenRepository repository;
    private final TokenCipher cipher;

    public TokenKeyRotation(ConnectionTokenRepository repository, TokenCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    /**
     * What a re-encryption did: values found, values re-encrypted, values already under the active key, rows skipped
     * because a refresh changed them meanwhile.
     */
    public record Report(String activeKeyId, int values, int reEncrypted, int alreadyActive, int changedMeanwhile) {
    }

    /** Re-encrypts the tokens of every QBO company and HubSpot portal. */
    public Uni<Report> reEncryptAll() {
        AtomicInteger values = new AtomicInteger();
        AtomicInteger reEncrypted = new AtomicInteger();
        AtomicInteger alreadyActive = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        return Multi.createFrom().items(ConnectionVendor.values())
                .onItem().transformToUniAndConcatenate(vendor -> repository.encryptedRows(vendor)
                        .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                        .onItem().transformToUniAndConcatenate(row -> reEncrypt(vendor, row, values, reEncrypted,
                                alreadyActive, changed))
                        .collect().last())
                .collect().last()
                .map(ignored -> new Report(cipher.activeKeyId(), values.get(), reEncrypted.get(), alreadyActive.get(),
                        changed.get()))
                .invoke(r -> Log.infof("token re-encryption under key %s: %d values, %d re-encrypted, %d already"
                        + " active, %d rows changed meanwhile", r.activeKeyId(), r.values(), r.reEncrypted(),
                        r.alreadyActive(), r.changedMeanwhile()));
    }

    private Uni<Void> reEncrypt(ConnectionVendor vendor, EncryptedRow row, AtomicInteger values,
            AtomicInteger reEncrypted, AtomicInteger alreadyActive, AtomicInteger changed) {
        int stored = (row.accessToken() == null ? 0 : 1) + (row.refreshToken() == null ? 0 : 1);
        int active = (cipher.isUnderActiveKey(row.accessToken()) ? 1 : 0)
                + (cipher.isUnderActiveKey(row.refreshToken()) ? 1 : 0);
        values.addAndGet(stored);
        if (active == stored) {
            alreadyActive.addAndGet(stored);
            return Uni.createFrom().voidItem();
        }
        EncryptedRow after = new EncryptedRow(row.id(), again(vendor, row.id(), "access_token", row.accessToken()),
                again(vendor, row.id(), "refresh_token", row.refreshToken()));
        return repository.replaceEncrypted(vendor, row, after).invoke(replaced -> {
            if (replaced) {
                reEncrypted.addAndGet(stored - active);
                alreadyActive.addAndGet(active);
            } else {
                changed.incrementAndGet();
            }
        }).replaceWithVoid();
    }

    private String again(ConnectionVendor vendor, String id, String column, String stored) {
        if (stored == null || cipher.isUnderActiveKey(stored)) {
            return stored;
        }
        var place = ConnectionTokens.place(vendor, id, column);
        return cipher.encrypt(cipher.decrypt(stored, place), place);
    }
}
