package news.broadsheet.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request exactly as written, over a socket: for targets that {@link java.net.URI} refuses
 * or would tidy up (broken percent escapes, encoded slashes, dot segments).
 */
public final class RawHttp {

    private RawHttp() {}

    /** The answer: its status, its header lines as sent and its body (de-chunked). */
    public record Answer(int status, String head, String body) {

        public boolean hasHeader(String name, String valuePrefix) {
            return head.lines()
                    .anyMatch(line -> line.toLowerCase(Locale.ROOT)
                            .startsWith(name.toLowerCase(Locale.ROOT) + ": " + valuePrefix.toLowerCase(Locale.ROOT)));
        }
    }

    /** Sends {@code method target HTTP/1.1} with the given extra header lines and body, then reads the answer. */
    public static Answer send(int port, String method, String target, String headers, byte[] body) {
        return sendFrom("127.0.0.1", port, method, target, headers, body);
    }

    /** The same from another loopback address, a client on another machine as the server sees it. */
    public static Answer sendFrom(String from, int port, String method, String target, String headers, byte[] body) {
        try (Socket socket = new Socket(
                java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + headers + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    public static Answer get(int port, String target, String headers) {
        return send(port, "GET", target, headers, new byte[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        Answer answer = new Answer(status, head, body);
        return answer.hasHeader("Transfer-Encoding", "chunked")
                ? new Answer(
                        status,
                        head,
                        dechunk(all, new String(all, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4))
                : answer;
    }

    private static String dechunk(byte[] all, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = from;
        while (at < all.length) {
            int lineEnd = at;
            while (lineEnd + 1 < all.length && !(all[lineEnd] == '\r' && all[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(all, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
            if (size == 0) {
                break;
            }
            out.write(all, lineEnd + 2, Math.min(size, all.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
