package com.stategraph.billing.auth;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails an invitation's link to the invitee, the only person who may see it. The link is built on
 * the operator's public URL ({@code STATEGRAPH_PUBLIC_URL}), never on the request's Host header: a
 * tenant admin could otherwise send the token to a host of their own.
 */
@Component
class InvitationMail {
    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String publicUrl;
    private final Environment environment;

    InvitationMail(ObjectProvider<JavaMailSender> mail, @Value("${stategraph.notifications.email-from:}") String from,
                   @Value("${stategraph.public-url:}") String publicUrl, Environment environment) {
        this.mail = mail;
        this.from = from;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** Without STATEGRAPH_PUBLIC_URL, the server on this machine at the port it listens on. */
    String url(String token) {
        String base = publicUrl.isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : publicUrl;
        return base + "/invitations/" + token;
    }

    /** @return whether the mail server took the message */
    boolean send(String to, String tenantName, String invitedBy, Role role, String token, Instant expiresAt) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        if (!from.isBlank()) {
            message.setFrom(from);
        }
        message.setTo(to);
        message.setSubject("You are invited to " + tenantName + " on Stategraph");
        message.setText((invitedBy == null ? "An administrator" : invitedBy) + " invited you to join " + tenantName + " as "
                + role.value() + ".\n\nOpen this link to set your password and join (or to sign in and accept, if you already"
                + " have an account):\n\n" + url(token) + "\n\nThe link works once and until " + expiresAt + ".\n"
                + "If you did not expect this, ignore this message: no account is made without you.\n");
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            // The address and the server's reason only; never the link.
            log.warn("Could not mail an invitation to {}: {}", to, e.getMostSpecificCause().getMessage());
            return false;
        }
    }
}
