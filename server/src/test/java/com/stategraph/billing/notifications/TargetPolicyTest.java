package com.stategraph.billing.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stategraph.billing.domain.InvalidInputException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which addresses count as inside the network (IANA's special-purpose registries, IPv4 carried in
 * IPv6 forms decoded), what an operator's permission changes, and that a delivery connects only to
 * the addresses that were checked.
 */
class TargetPolicyTest {

    @Test
    void specialPurposeAddressesInEveryFormAreInside() throws Exception {
        List<String> inside = List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.254", "198.18.0.1", "240.0.0.1", "255.255.255.255",
                "224.0.0.1", "192.0.0.1", "192.0.2.5", "198.51.100.9", "203.0.113.7", "192.88.99.1",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:192.168.0.1", "fec0::1", "ff02::1",
                // The list: NAT64 (both prefixes), 6to4, IPv4-compatible, discard, documentation.
                "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::808:808", "2002:a9fe:a9fe::", "2002:7f00:1::",
                "::a9fe:a9fe", "::127.0.0.1", "::8.8.8.8", "100::1", "2001:db8::1", "3fff::1", "5f00::1",
                // Teredo: server 8.8.8.8, client 127.0.0.1 (stored inverted); and Teredo is not global anyway.
                "2001:0:808:808::80ff:fffe", "2001:2::1");
        List<String> outside = List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860::8888",
                "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2606:4700::1111", "192.31.196.1");
        assertThat(inside).isNotEmpty();
        for (String a : inside) {
            assertThat(SpecialAddresses.isSpecial(InetAddress.getByName(a))).as(a).isTrue();
        }
        assertThat(outside).isNotEmpty();
        for (String a : outside) {
            assertThat(SpecialAddresses.isSpecial(InetAddress.getByName(a))).as(a).isFalse();
        }
        assertThat(SpecialAddresses.embeddedIpv4(InetAddress.getByName("2001:0:808:808::80ff:fffe").getAddress()))
                .extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8", "127.0.0.1");
    }

    @Test
    void theOperatorMayAllowPrivateTargetsAndThenPlainHttpToThem() {
        TargetPolicy allowing = new TargetPolicy(true);
        assertThat(allowing.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThatThrownBy(() -> allowing.check("http://8.8.8.8/hook")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https://");
        TargetPolicy refusing = new TargetPolicy(false);
        for (String target : List.of("https://127.0.0.1/hook", "https://[64:ff9b::a9fe:a9fe]/hook", "https://[2001:db8::1]/x")) {
            assertThatThrownBy(() -> refusing.check(target)).as(target).hasMessageContaining("STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS");
        }
        assertThat(refusing.check("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
    }

    @Test
    void aNameThatAnswersPublicThenLoopbackNeverGetsAConnectionToLoopback() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger lookups = new AtomicInteger();
            // A rebinding name: public for the check, loopback for whoever asks next.
            TargetPolicy policy = new TargetPolicy(false, host -> {
                assertThat(host).isEqualTo("localhost");
                return lookups.incrementAndGet() == 1
                        ? new InetAddress[] {InetAddress.getByName("8.8.8.8")}
                        : new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            });
            URI target = policy.check("https://localhost:" + loopback.getLocalPort() + "/hook");
            Senders senders = new Senders(JsonMapper.builder().build(), new StaticListableBeanFactory().getBeanProvider(
                    org.springframework.mail.javamail.JavaMailSender.class), "", policy);
            NotificationEvent event = new NotificationEvent(NotificationEvent.TEST, java.util.UUID.randomUUID(), null, null, null,
                    null, List.of(), Instant.now());
            Senders.Outcome outcome = senders.webhook(target, "secret", event, "d-1");

            assertThat(outcome.delivered()).isFalse();
            assertThat(lookups.get()).as("the connection asked once more, and was refused what it got").isEqualTo(2);
            // The attempt has ended: a connection it made would be waiting to be accepted now.
            loopback.setSoTimeout(1);
            assertThatThrownBy(loopback::accept).as("no connection reached loopback").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aLookupThatMixesPublicAndPrivateAnswersIsRefusedWhole() throws Exception {
        TargetPolicy policy = new TargetPolicy(false, host -> new InetAddress[] {
                InetAddress.getByName("8.8.8.8"), InetAddress.getByName("169.254.169.254")});
        assertThatThrownBy(() -> policy.resolve("metadata.example")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("special-purpose");
        assertThatThrownBy(() -> policy.check("https://metadata.example/x")).hasMessageContaining("STATEGRAPH_ALLOW_PRIVATE_WEBHOOKS");
        assertThat(new TargetPolicy(true, host -> new InetAddress[] {InetAddress.getByName("10.0.0.1")}).resolve("inside"))
                .extracting(InetAddress::getHostAddress).containsExactly("10.0.0.1");
    }
}
