package dev.ledgerbridge.contacts.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayAccessTokenProviderTest {

    private static final String REALM = "9130350000000001";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private GatewayTokenApi api;
    private GatewayAccessTokenProvider provider;

    @BeforeEach
    void setUp() {
        api = mock(GatewayTokenApi.class);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        provider = new GatewayAccessTokenProvider(api, Duration.ofSeconds(60), clock);
    }

    private String token() {
        return provider.accessToken(REALM).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void shouldCacheTheTokenUntilSixtySecondsBeforeItExpires() {
        when(api.accessToken(REALM))
                .thenReturn(Uni.createFrom().item(new AccessTokenResponse("t1", NOW.plusSeconds(3600))))
                .thenReturn(Uni.createFrom().item(new AccessTokenResponse("t2", NOW.plusSeconds(7200))));
        assertEquals("t1", token());
        now.set(NOW.plusSeconds(3539));
        assertEquals("t1", token());
        verify(api, times(1)).accessToken(REALM);

        now.set(NOW.plusSeconds(3540));
        assertEquals("t2", token());
        verify(api, times(2)).accessToken(REALM);
    }

    @Test
    void shouldFetchAgainAfterInvalidation() {
        when(api.accessToken(REALM))
                .thenReturn(Uni.createFrom().item(new AccessTokenResponse("t1", NOW.plusSeconds(3600))))
                .thenReturn(Uni.createFrom().item(new AccessTokenResponse("t2", NOW.plusSeconds(3600))));
        assertEquals("t1", token());
        provider.invalidate(REALM);
        assertEquals("t2", token());
    }

    @Test
    void shouldRefuseWithCompanyNotConnectedWhenTheGatewayAnswers404() {
        when(api.accessToken(REALM)).thenReturn(Uni.createFrom().failure(
                new WebApplicationException(Response.status(404).build())));
        CustomerResolutionRefusal refusal = assertInstanceOf(CustomerResolutionRefusal.class, failureOf(provider));
        assertEquals(CustomerResolutionRefusal.Code.COMPANY_NOT_CONNECTED, refusal.code());
    }

    @Test
    void shouldReportTransientGatewayFailuresAsTokenUnavailable() {
        when(api.accessToken(REALM)).thenReturn(Uni.createFrom().failure(
                new WebApplicationException(Response.status(503).build())));
        assertInstanceOf(AccessTokenUnavailableException.class, failureOf(provider));
    }

    private static Throwable failureOf(GatewayAccessTokenProvider provider) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        provider.accessToken(REALM).onFailure().invoke(failure::set).onFailure().recoverWithNull()
                .await().atMost(Duration.ofSeconds(5));
        return failure.get();
    }
}
