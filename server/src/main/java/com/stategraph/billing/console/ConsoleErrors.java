package com.stategraph.billing.console;

import com.stategraph.billing.api.ApiException;
import com.stategraph.billing.api.ForbiddenException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Console refusals and bad input as pages, not JSON. */
@ControllerAdvice(basePackages = "com.stategraph.billing.console")
public class ConsoleErrors {

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", "You cannot open this page: " + e.getMessage() + ".");
        return "error-page";
    }

    @ExceptionHandler(ApiException.class)
    String invalid(ApiException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }
}
