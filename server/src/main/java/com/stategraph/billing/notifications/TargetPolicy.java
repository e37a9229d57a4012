package com.stategraph.billing.notifications;

import com.stategraph.billing.domain.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs the server may call for a tenant. A tenant admin must not be able to make the server
 * reach inside its network (the cloud metadata endpoint, a database's HTTP port, a loopback admin
 * page): every address a host name resolves to must be public, unless the operator set
 * {@code STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS=true}. Checked when a channel is created and again before
 * each delivery, since a name can resolve elsewhere later. Plain http is only for private targets
 * the operator allowed (a receiver inside the cluster): a signed payload still travels in the clear.
 */
@Component
public class TargetPolicy {
    private final boolean allowPrivate;

    public TargetPolicy(@Value("${stategraph.notifications.allow-private-webhooks:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** @throws InvalidInputException naming what is wrong with {@code target} */
    public URI check(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw invalid("target is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw invalid("target must be an https:// URL");
        }
        if (uri.getUserInfo() != null) {
            throw invalid("target must not carry a user name or password; webhooks are signed instead");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw invalid("the host of target " + uri.getHost() + " does not resolve");
        }
        boolean anyPrivate = false;
        for (InetAddress a : addresses) {
            anyPrivate |= isPrivate(a);
        }
        if (anyPrivate && !allowPrivate) {
            throw invalid("target " + uri.getHost() + " resolves to a loopback, private or link-local address; the operator"
                    + " must set STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS=true for the server to call inside its network");
        }
        if (scheme.equals("http") && !anyPrivate) {
            throw invalid("target must be an https:// URL (plain http only to a private address the operator allowed)");
        }
        return uri;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // fc00::/7 unique local
                    || isMappedPrivate(b);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 240; // reserved and broadcast
    }

    private static boolean isMappedPrivate(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return false;
        }
        try {
            return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("INVALID_TARGET", message);
    }
}
