package dev.ledgerbridge.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client on a plain socket: it sends the request target, header lines and body bytes
 * exactly as given (no encoding, no header validation, CR/LF included), so the hostile corpus can send what real
 * clients refuse to. One request per connection ({@code Connection: close}); the answer is read until the server
 * closes. A server that answers and closes before the whole body is written is fine: the write failure is ignored
 * and the answer read.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer: status (0 when the server closed without one), lower-case header names, body as text. */
    public record Answer(int status, Map<String, String> headers, String body, boolean writeInterrupted) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends one request.
     *
     * @param headerLines header lines without line ends (each may contain anything, e.g. a CR/LF for injection)
     * @param chunked     send the body with {@code Transfer-Encoding: chunked} instead of a {@code Content-Length}
     */
    public static Answer send(int port, String method, String target, List<String> headerLines, byte[] body,
            boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            boolean ownLength = headerLines.stream()
                    .anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"));
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (!ownLength) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            boolean interrupted = false;
            OutputStream out = socket.getOutputStream();
            try {
                // ISO-8859-1 keeps every char of a header line a single byte, as a hostile client would write it.
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (chunked) {
                    writeChunked(out, body);
                } else {
                    writeInSlices(out, body);
                }
                out.flush();
            } catch (IOException e) {
                interrupted = true;
            }
            return read(socket.getInputStream(), interrupted);
        }
    }

    private static void writeInSlices(OutputStream out, byte[] body) throws IOException {
        int slice = 64 * 1024;
        for (int offset = 0; offset < body.length; offset += slice) {
            out.write(body, offset, Math.min(slice, body.length - offset));
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int slice = 16 * 1024;
        for (int offset = 0; offset < body.length; offset += slice) {
            int length = Math.min(slice, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(InputStream in, boolean interrupted) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (complete(received.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // A reset after the answer was sent: keep what arrived.
        }
        byte[] bytes = received.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, Map.of(), text, interrupted);
        }
        Map<String, String> headers = headers(text.substring(0, end));
        int status = Integer.parseInt(text.substring(0, end).split(" ")[1]);
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8), interrupted);
    }

    // The server may keep the connection open after answering (e.g. after a 413 while the body still arrives): an
    // answer is complete once its Content-Length bytes or its last chunk arrived.
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(text.substring(0, end));
        String length = headers.get("content-length");
        if (length != null) {
            return bytes.length - end - 4 >= Long.parseLong(length.trim());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return text.endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Map<String, String> headers(String head) {
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            i = start + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
