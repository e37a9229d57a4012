package com.stategraph.billing.notifications;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP server email channels send through, when the operator names one ({@code STATEGRAPH_SMTP_HOST}). */
@Configuration
class MailConfig {

    @Bean
    @ConditionalOnExpression("!'${stategraph.smtp.host:}'.isBlank()")
    JavaMailSender notificationMail(@Value("${stategraph.smtp.host}") String host, @Value("${stategraph.smtp.port}") int port,
                                    @Value("${stategraph.smtp.username}") String username,
                                    @Value("${stategraph.smtp.password}") String password,
                                    @Value("${stategraph.smtp.starttls}") boolean starttls) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(host);
        mail.setPort(port);
        Properties props = mail.getJavaMailProperties();
        if (!username.isBlank()) {
            mail.setUsername(username);
            mail.setPassword(password);
            props.put("mail.smtp.auth", "true");
        }
        props.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        return mail;
    }
}
