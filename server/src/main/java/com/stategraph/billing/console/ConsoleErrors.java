package com.stategraph.billing.console;

import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.DomainException;
import com.stategraph.billing.domain.ForbiddenException;
import com.stategraph.billing.domain.NotFoundException;
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

    @ExceptionHandler(DomainException.class)
    String invalid(DomainException e, Model model, HttpServletResponse response) {
        int status = e instanceof NotFoundException ? 404 : e instanceof ConflictException ? 409 : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }
}
