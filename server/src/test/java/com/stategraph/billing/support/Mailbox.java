package com.stategraph.billing.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What reached a person's mailbox on the test SMTP server. */
public final class Mailbox {
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/invitations/[A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /** The messages addressed to {@code to}, oldest first. */
    public static List<Message> to(GreenMail mail, String to) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> (Message) m).toList();
    }

    /** The invitation link in the newest message to {@code to}; waits up to 10 s for one. */
    public static String invitationLink(GreenMail mail, String to) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        do {
            List<Message> messages = to(mail, to);
            if (!messages.isEmpty()) {
                Matcher link = LINK.matcher(GreenMailUtil.getBody(messages.get(messages.size() - 1)).replace("=\r\n", ""));
                if (link.find()) {
                    return link.group(1);
                }
                throw new AssertionError("the mail to " + to + " holds no invitation link");
            }
            mail.waitForIncomingEmail(500, 1);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("no mail reached " + to);
    }
}
