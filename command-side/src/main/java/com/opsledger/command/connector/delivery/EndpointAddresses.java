package com.opsledger.command.connector.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a connection's endpoint may reach: none inside this network (SSRF). A worker's endpoint is public;
 * one on loopback, link-local (cloud metadata at 169.254.169.254), private (RFC 1918, RFC 4193, RFC 6598), unspecified,
 * broadcast or multicast addresses is refused at registration and again before every attempt, unless
 * {@code opsledger.connector.allow-private-endpoints} is set, as Svix and Convoy do by default.
 *
 * <p>Before an attempt the host is resolved here and then by the HTTP client; both go through the JVM's address
 * cache (30 s for a found name by default), so the client connects to the address checked here, not to one a DNS
 * server gives a moment later.
 */
public final class EndpointAddresses {

    private final boolean allowInternal;

    public EndpointAddresses(boolean allowInternal) {
        this.allowInternal = allowInternal;
    }

    /**
     * Why {@code host} may not be reached (naming the address), or empty when it may; a host that does not resolve
     * may (its attempt fails as a network error).
     */
    public Optional<String> refusal(String host) {
        if (allowInternal) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(unbracketed(host))) {
                Optional<String> kind = internalKind(address);
                if (kind.isPresent()) {
                    return Optional.of(host + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                            + " address, which connections may not reach");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // not resolvable now: the attempt fails as a network error, and is retried
        }
    }

    /** The kind of internal address {@code address} is, or empty for a public one. */
    static Optional<String> internalKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && (b[0] & 0xff) == 0)) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address instanceof Inet4Address) {
            if ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
                return Optional.of("shared (carrier-grade NAT)");
            }
            if ((b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique local)");
            }
            if (isIpv4Translated(b)) {
                try {
                    return internalKind(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return Optional.empty();
    }

    /** An IPv6 address that carries an IPv4 one: IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d). */
    private static boolean isIpv4Translated(byte[] b) {
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        boolean compatible = b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0;
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return nat64 || compatible;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
