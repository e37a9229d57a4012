package com.stategraph.billing.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.domain.InvalidInputException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which addresses count as inside the network, and what an operator's permission changes. */
class TargetPolicyTest {

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreInside() throws Exception {
        List<String> inside = List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.254", "198.18.0.1", "240.0.0.1", "255.255.255.255",
                "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:192.168.0.1");
        List<String> outside = List.of("8.8.8.8", "203.0.113.7", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860::8888",
                "::ffff:8.8.8.8");
        assertThat(inside).isNotEmpty();
        for (String a : inside) {
            assertThat(TargetPolicy.isPrivate(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : outside) {
            assertThat(TargetPolicy.isPrivate(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void theOperatorMayAllowPrivateTargetsAndThenPlainHttpToThem() {
        TargetPolicy allowing = new TargetPolicy(true);
        assertThat(allowing.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThatThrownBy(() -> allowing.check("http://203.0.113.7/hook")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https://");
        TargetPolicy refusing = new TargetPolicy(false);
        assertThatThrownBy(() -> refusing.check("https://127.0.0.1/hook")).hasMessageContaining("STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS");
        assertThat(refusing.check("https://203.0.113.7/hook").getHost()).isEqualTo("203.0.113.7");
    }
}
