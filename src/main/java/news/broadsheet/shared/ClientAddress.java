package news.broadsheet.shared;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for every per-client limit, ban and one-per-reader count: an IPv4
 * client is its whole address, an IPv6 client its /64 network (one line or host is given a whole
 * /64 and may use any address in it, so a full IPv6 address is no identity at all), and an
 * IPv4-mapped IPv6 address the IPv4 address it carries.
 */
public final class ClientAddress {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {}

    /**
     * The key for an address as the servlet container reports it ({@code getRemoteAddr()}): IPv4
     * as {@code 192.0.2.1}, IPv6 as {@code 2001:db8:1:2::/64}. Text that is not an IP address (a
     * marker such as {@code imported}) is its own key.
     */
    public static String key(String remoteAddress) {
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            // A zone names this host's interface for a link-local address, not the client.
            literal = literal.substring(0, zone);
        }
        if (IPV4.matcher(literal).matches()) {
            return literal;
        }
        if (!IPV6.matcher(literal).matches()) {
            return remoteAddress;
        }
        InetAddress address;
        try {
            // Only hex digits, colons and dots, with a colon: read as an IPv6 literal, never looked up.
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        return String.format("%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4), group(bytes, 6));
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static int group(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
