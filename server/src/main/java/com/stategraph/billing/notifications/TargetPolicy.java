package com.stategraph.billing.notifications;

import com.stategraph.billing.domain.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs the server may call for a tenant. A tenant admin must not be able to make the server
 * reach inside its network (the cloud metadata endpoint, a database's HTTP port, a loopback admin
 * page): every address a host name resolves to must be public (SpecialAddresses), unless the
 * operator set {@code STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS=true}. Checked when a channel is created, and
 * at every connection by {@link #resolve}, whose checked answer is the very one the connection uses:
 * a name that resolves elsewhere the second time (DNS rebinding) never gets a connection there.
 * Plain http is only for private targets the operator allowed (a receiver inside the cluster): a
 * signed payload still travels in the clear.
 */
@Component
public class TargetPolicy {
    /** How a host name becomes addresses; the system resolver, or a scripted one in tests. */
    @FunctionalInterface
    public interface HostLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final HostLookup lookup;

    @org.springframework.beans.factory.annotation.Autowired
    public TargetPolicy(@Value("${stategraph.notifications.allow-private-webhooks:false}") boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    TargetPolicy(boolean allowPrivate, HostLookup lookup) {
        this.allowPrivate = allowPrivate;
        this.lookup = lookup;
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
            addresses = lookup.lookup(bare(uri.getHost()));
        } catch (UnknownHostException e) {
            throw invalid("the host of target " + uri.getHost() + " does not resolve");
        }
        boolean anyPrivate = false;
        for (InetAddress a : addresses) {
            anyPrivate |= SpecialAddresses.isSpecial(a);
        }
        if (anyPrivate && !allowPrivate) {
            throw invalid("target " + uri.getHost() + " resolves to a loopback, private, link-local or other special-purpose"
                    + " address; the operator must set STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS=true for the server to call inside its network");
        }
        if (scheme.equals("http") && !anyPrivate) {
            throw invalid("target must be an https:// URL (plain http only to a private address the operator allowed)");
        }
        return uri;
    }

    /**
     * The addresses a delivery may connect to for {@code host}: one lookup, every answer checked,
     * and only that answer used. @throws UnknownHostException when it names a special address that
     * is not allowed (the connection then fails)
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.lookup(bare(host));
        if (!allowPrivate) {
            for (InetAddress a : addresses) {
                if (SpecialAddresses.isSpecial(a)) {
                    throw new UnknownHostException(host + " resolves to a special-purpose address the server may not call");
                }
            }
        }
        return addresses;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("INVALID_TARGET", message);
    }
}
