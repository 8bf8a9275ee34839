package org.passerelle.identity.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a subscription may send: an absolute https URL of a public address. A local platform (the devstack, the
 * tests) also accepts http and loopback or private addresses, since its receivers run on the same machine. Outside
 * it, a private, loopback or link-local address is refused, so that a subscription cannot make the service call into
 * its own network.
 */
public final class TargetUrl {

    private TargetUrl() {
    }

    /** The reason key (problems*.properties) why the URL is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String url, boolean local) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("webhook.url-invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("webhook.url-invalid");
        }
        if (local) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("webhook.url-https");
        }
        return isPrivate(uri.getHost()) ? Optional.of("webhook.url-private") : Optional.empty();
    }

    /** True for a loopback, private, link-local, unique-local or unspecified address, or a name resolving to one. */
    static boolean isPrivate(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost") || name.toLowerCase().endsWith(".localhost")) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(name)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)
                        || isSharedOrBenchmark(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException unknown) {
            // a name that does not resolve now is checked again at each delivery (Dispatcher)
            return false;
        }
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;   // fc00::/7
    }

    private static boolean isSharedOrBenchmark(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64          // 100.64.0.0/10, carrier-grade NAT
                || (b[0] & 0xff) == 198 && ((b[1] & 0xfe) == 18)                       // 198.18.0.0/15
                || (b[0] & 0xff) == 0);                                                // 0.0.0.0/8
    }
}
