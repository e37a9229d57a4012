package com.stategraph.billing.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second port for metrics and the other actuator endpoints ({@code STATEGRAPH_MANAGEMENT_PORT},
 * on {@code STATEGRAPH_MANAGEMENT_ADDRESS}, loopback by default): they name every tenant and source,
 * so on the public port only the instance admin's key reads them. Health stays public on both.
 * The management port serves nothing but the actuator.
 */
@Component
public class ManagementPort extends OncePerRequestFilter implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final int port;
    private final String address;
    private volatile Connector connector;

    ManagementPort(@Value("${stategraph.management.port:9090}") int port,
                   @Value("${stategraph.management.address:127.0.0.1}") String address) {
        this.port = port;
        this.address = address;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port < 0) {
            return;
        }
        Connector management = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        management.setPort(port);
        management.setProperty("address", address);
        management.setMaxParameterCount(100);
        factory.addAdditionalConnectors(management);
        connector = management;
    }

    /** Whether the request came in on the management port. */
    public boolean serves(HttpServletRequest request) {
        Connector management = connector;
        return management != null && request.getLocalPort() == management.getLocalPort();
    }

    /** The port it listens on (the one chosen when configured as 0); -1 when there is none. */
    public int localPort() {
        Connector management = connector;
        return management == null ? -1 : management.getLocalPort();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (serves(request) && !request.getRequestURI().startsWith("/actuator/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
