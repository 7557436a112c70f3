package dev.ledgerbridge.sandbox.otlp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OTLP {@code ExportTraceServiceRequest} (protobuf, opentelemetry-proto v1) into {@link ReceivedSpan}s.
 * A small wire-format reader instead of the generated classes: the sandbox needs five fields of a span, and
 * protobuf-java would be a second runtime for one test endpoint. Unknown fields are skipped, as protobuf requires.
 */
final class OtlpTraceDecoder {

    private static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
    private static final HexFormat HEX = HexFormat.of();

    private OtlpTraceDecoder() {
    }

    /** Every span of the request; fails with IllegalArgumentException on a malformed message. */
    static List<ReceivedSpan> decode(byte[] message) {
        List<ReceivedSpan> spans = new ArrayList<>();
        Reader request = new Reader(message, 0, message.length);
        while (request.more()) {
            int tag = request.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                resourceSpans(request.message(), spans);
            } else {
                request.skip(tag);
            }
        }
        return spans;
    }

    // ResourceSpans: resource = 1, scope_spans = 2.
    private static void resourceSpans(Reader in, List<ReceivedSpan> out) {
        String service = "unknown";
        List<Reader> scopes = new ArrayList<>();
        while (in.more()) {
            int tag = in.tag();
            int field = tag >>> 3;
            if (field == 1 && (tag & 7) == 2) {
                Map<String, String> resource = attributes(in.message(), 1);
                service = resource.getOrDefault("service.name", service);
            } else if (field == 2 && (tag & 7) == 2) {
                scopes.add(in.message());
            } else {
                in.skip(tag);
            }
        }
        for (Reader scope : scopes) {
            // ScopeSpans: spans = 2.
            while (scope.more()) {
                int tag = scope.tag();
                if (tag >>> 3 == 2 && (tag & 7) == 2) {
                    out.add(span(scope.message(), service));
                } else {
                    scope.skip(tag);
                }
            }
        }
    }

    // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8, attributes 9.
    private static ReceivedSpan span(Reader in, String service) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        String kind = KINDS[0];
        long start = 0;
        long end = 0;
        Map<String, String> attributes = new LinkedHashMap<>();
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> traceId = HEX.formatHex(in.bytes());
                case 2 -> spanId = HEX.formatHex(in.bytes());
                case 4 -> parent = HEX.formatHex(in.bytes());
                case 5 -> name = in.string();
                case 6 -> {
                    long k = in.varint();
                    kind = k >= 0 && k < KINDS.length ? KINDS[(int) k] : "UNSPECIFIED";
                }
                case 7 -> start = in.fixed64();
                case 8 -> end = in.fixed64();
                case 9 -> {
                    Map.Entry<String, String> kv = keyValue(in.message());
                    attributes.put(kv.getKey(), kv.getValue());
                }
                default -> in.skip(tag);
            }
        }
        return new ReceivedSpan(traceId, spanId, parent, service, name, kind, start, end, attributes);
    }

    private static Map<String, String> attributes(Reader in, int field) {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (in.more()) {
            int tag = in.tag();
            if (tag >>> 3 == field && (tag & 7) == 2) {
                Map.Entry<String, String> kv = keyValue(in.message());
                attributes.put(kv.getKey(), kv.getValue());
            } else {
                in.skip(tag);
            }
        }
        return attributes;
    }

    // KeyValue: key 1, value 2 (AnyValue: string 1, bool 2, int 3, double 4; arrays and maps are not needed here).
    private static Map.Entry<String, String> keyValue(Reader in) {
        String key = "";
        String value = "";
        while (in.more()) {
            int tag = in.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                key = in.string();
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                Reader any = in.message();
                while (any.more()) {
                    int t = any.tag();
                    switch (t >>> 3) {
                        case 1 -> value = any.string();
                        case 2 -> value = Boolean.toString(any.varint() != 0);
                        case 3 -> value = Long.toString(any.varint());
                        case 4 -> value = Double.toString(Double.longBitsToDouble(any.fixed64()));
                        default -> any.skip(t);
                    }
                }
            } else {
                in.skip(tag);
            }
        }
        return Map.entry(key, value);
    }

    /** A cursor over one protobuf message (a slice of the request bytes). */
    private static final class Reader {

        private final byte[] data;
        private final int end;
        private int pos;

        Reader(byte[] data, int start, int end) {
            if (start < 0 || end > data.length || start > end) {
                throw new IllegalArgumentException("truncated OTLP message");
            }
            this.data = data;
            this.pos = start;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = data[pos++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long fixed64() {
            if (pos + 8 > end) {
                throw new IllegalArgumentException("truncated fixed64");
            }
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (data[pos + i] & 0xffL);
            }
            pos += 8;
            return v;
        }

        Reader message() {
            int length = (int) varint();
            Reader sub = new Reader(data, pos, pos + length);
            if (pos + length > end) {
                throw new IllegalArgumentException("truncated OTLP message");
            }
            pos += length;
            return sub;
        }

        byte[] bytes() {
            Reader slice = message();
            byte[] out = new byte[slice.end - slice.pos];
            System.arraycopy(data, slice.pos, out, 0, out.length);
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> message();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
            }
            if (pos > end) {
                throw new IllegalArgumentException("truncated OTLP message");
            }
        }
    }
}
