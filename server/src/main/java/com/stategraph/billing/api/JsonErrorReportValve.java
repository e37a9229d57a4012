package com.stategraph.billing.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before any servlet sees the request (a request line or header over the
 * limit, too many parameters, a malformed request) is answered {@code {"id", "data"}} too, never
 * Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ErrorBody body = known == null ? new ErrorBody("ERROR", "HTTP " + status) : ErrorPathController.body(known);
        String data = switch (status) {
            case 400 -> "the request was refused before it reached the API: it is malformed, or has more than "
                    + ContainerLimits.MAX_PARAMETERS + " parameters";
            case 414, 431 -> "the request line or headers are longer than " + ContainerLimits.MAX_HEADER_BYTES / 1024 + " KiB";
            default -> body.data();
        };
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer out = response.getReporter();
            if (out != null) {
                // Both values are our own sentences or codes: nothing to escape.
                out.write("{\"id\":\"" + body.id() + "\",\"data\":\"" + data + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone; nothing more to say
        }
    }

    /** Installs the valve on the embedded Tomcat's host, and the documented limits on its connector. */
    @Component
    static class ContainerLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        static final int MAX_PARAMETERS = 1000;
        static final int MAX_HEADER_BYTES = 8 * 1024;

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> {
                connector.setMaxParameterCount(MAX_PARAMETERS);
                connector.setProperty("maxHttpHeaderSize", String.valueOf(MAX_HEADER_BYTES));
            });
        }
    }
}
