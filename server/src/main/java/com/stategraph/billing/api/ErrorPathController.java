package com.stategraph.billing.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container forwards to {@code /error} (no handler, a failure before any
 * controller, a status set by a filter): the API's {@code {"id", "data"}} for API paths, the
 * console's error page for the rest. Never Spring's default body, never a stack trace.
 */
@Controller
public class ErrorPathController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ErrorBody> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status));
    }

    @RequestMapping("/error")
    public Object any(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri == null || uri.toString().startsWith("/api") || uri.toString().startsWith("/actuator")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status));
        }
        model.addAttribute("status", status.value());
        model.addAttribute("message", status.is4xxClientError() ? status.getReasonPhrase() : "internal error; see the server log");
        return "error-page";
    }

    static ErrorBody body(HttpStatus status) {
        String id = switch (status) {
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case BAD_REQUEST -> "INVALID_REQUEST";
            default -> status.is5xxServerError() ? "INTERNAL" : status.name();
        };
        String data = switch (status) {
            case NOT_FOUND -> "no such endpoint";
            case BAD_REQUEST -> "the request could not be read";
            default -> status.is5xxServerError() ? "internal error; see the server log" : status.getReasonPhrase();
        };
        return new ErrorBody(id, data);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
