package com.stategraph.billing.notifications;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether an address is one the server may call for a tenant: not in IANA's special-purpose address
 * registries for IPv4 and IPv6 (loopback, private, link-local, shared, documentation, benchmarking,
 * protocol assignments, discard, multicast, reserved...), except their few blocks marked globally
 * reachable. An IPv6 address that carries an IPv4 one (mapped, compatible, NAT64 of either prefix,
 * 6to4, Teredo) is judged by that IPv4 address too, so a loopback or metadata address cannot hide in
 * an IPv6 form.
 */
final class SpecialAddresses {
    private record Block(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    /** IPv4 special-purpose blocks that are not globally reachable (RFC 6890 and its updates). */
    private static final List<Block> IPV4 = blocks(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32");

    /**
     * IPv6 special-purpose blocks that are not globally reachable, plus everything outside global
     * unicast (2000::/3) is refused below. ::/96 (compatible), ::ffff:0:0/96 (mapped), 64:ff9b::/96
     * (NAT64) and 2002::/16 (6to4) are judged by the IPv4 address they carry.
     */
    private static final List<Block> IPV6 = blocks(
            "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");
    private static final Block GLOBAL_UNICAST = block("2000::/3");
    private static final Block COMPATIBLE = block("::/96");
    // Written out: Java reads the text ::ffff:0:0 as the IPv4 address 0.0.0.0.
    private static final Block MAPPED = new Block(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final Block NAT64 = block("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = block("2002::/16");
    private static final Block TEREDO = block("2001::/32");

    private SpecialAddresses() {
    }

    /** Whether the server may call {@code address} only when the operator allows private targets. */
    static boolean isSpecial(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return IPV4.stream().anyMatch(block -> block.contains(b));
        }
        if (COMPATIBLE.contains(b)) {
            // ::, ::1 and the deprecated IPv4-compatible form (::127.0.0.1): never a real destination.
            return true;
        }
        for (InetAddress embedded : embeddedIpv4(b)) {
            if (isSpecial(embedded)) {
                return true;
            }
        }
        if (MAPPED.contains(b) || NAT64.contains(b)) {
            return false; // judged by the public IPv4 address it carries
        }
        return !GLOBAL_UNICAST.contains(b) || IPV6.stream().anyMatch(block -> block.contains(b));
    }

    /** The IPv4 addresses an IPv6 one carries, in every form that embeds one. */
    static List<InetAddress> embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return List.of();
        }
        if (MAPPED.contains(b) || NAT64.contains(b) || COMPATIBLE.contains(b)) {
            return List.of(v4(b[12], b[13], b[14], b[15]));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return List.of(v4(b[2], b[3], b[4], b[5]));
        }
        if (TEREDO.contains(b)) {
            // The Teredo server's address as is, the client's inverted.
            return List.of(v4(b[4], b[5], b[6], b[7]), v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        return List.of();
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static List<Block> blocks(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(SpecialAddresses::block).toList();
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: no name is ever looked up here.
            return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(), Integer.parseInt(cidr.substring(slash + 1)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr, e);
        }
    }
}
