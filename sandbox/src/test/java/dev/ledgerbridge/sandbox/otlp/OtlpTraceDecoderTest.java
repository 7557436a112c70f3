package dev.ledgerbridge.sandbox.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OTLP protobuf reader against messages encoded field by field as opentelemetry-proto v1 defines them. */
class OtlpTraceDecoderTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void shouldReadTheSpansWithTheirServiceIdsKindAndAttributes() {
        byte[] span = message()
                .bytes(1, HEX.parseHex(TRACE))
                .bytes(2, HEX.parseHex("b7ad6b7169203331"))
                .string(3, "")
                .bytes(4, HEX.parseHex("00f067aa0ba902b7"))
                .string(5, "POST /v3/company/{realmId}/invoice")
                .varint(6, 3)
                .fixed64(7, 1_700_000_000_000_000_000L)
                .fixed64(8, 1_700_000_000_250_000_000L)
                .bytes(9, keyValue("peer.service", message().string(1, "quickbooks")))
                .bytes(9, keyValue("http.response.status_code", message().varint(3, 200)))
                .varint(16, 1)
                .build();
        byte[] resource = message().bytes(1, keyValue("service.name", message().string(1, "document-service"))).build();
        byte[] scopeSpans = message().bytes(1, message().string(1, "dev.ledgerbridge.vendor-clients").build())
                .bytes(2, span).build();
        byte[] request = message().bytes(1, message().bytes(1, resource).bytes(2, scopeSpans).build()).build();

        List<ReceivedSpan> spans = OtlpTraceDecoder.decode(request);

        assertEquals(List.of(new ReceivedSpan(TRACE, "b7ad6b7169203331", "00f067aa0ba902b7", "document-service",
                "POST /v3/company/{realmId}/invoice", "CLIENT", 1_700_000_000_000_000_000L, 1_700_000_000_250_000_000L,
                Map.of("peer.service", "quickbooks", "http.response.status_code", "200"))), spans);
    }

    @Test
    void shouldRefuseATruncatedMessage() {
        byte[] request = message().bytes(1, message().string(1, "x").build()).build();
        byte[] truncated = java.util.Arrays.copyOf(request, request.length - 1);

        assertThrows(IllegalArgumentException.class, () -> OtlpTraceDecoder.decode(truncated));
    }

    private static byte[] keyValue(String key, Message value) {
        return message().string(1, key).bytes(2, value.build()).build();
    }

    private static Message message() {
        return new Message();
    }

    /** Just enough of a protobuf writer to build test messages. */
    private static final class Message {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Message fixed64(int field, long value) {
            writeVarint(((long) field << 3) | 1);
            for (int i = 0; i < 8; i++) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
            return this;
        }

        Message bytes(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] build() {
            return out.toByteArray();
        }

        private void writeVarint(long value) {
            while ((value & ~0x7fL) != 0) {
                out.write((int) ((value & 0x7f) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
