package com.stategraph.billing.console;

import com.stategraph.billing.auth.Invitations;
import com.stategraph.billing.domain.InvalidInputException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link an invitation mails: its holder sets their own password and joins, or, when the email
 * already has an account, is sent to sign in and accept. Reachable without signing in.
 */
@Controller
public class InvitationLinkController {
    private final Invitations invitations;

    public InvitationLinkController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitations/{token}")
    String open(@PathVariable String token, Principal principal, Model model,
                jakarta.servlet.http.HttpServletResponse response) {
        return invitations.open(token).map(opened -> {
            model.addAttribute("invitation", opened.invitation());
            model.addAttribute("hasAccount", opened.accountWithPassword());
            model.addAttribute("signedInAs", principal == null ? null : principal.getName());
            return "invitation";
        }).orElseGet(() -> closed(model, response));
    }

    @PostMapping("/invitations/{token}")
    String join(@PathVariable String token, @RequestParam(defaultValue = "") String name, @RequestParam String password,
                @RequestParam("password_again") String again, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var opened = invitations.open(token);
        if (opened.isEmpty()) {
            return closed(model, response);
        }
        model.addAttribute("invitation", opened.get().invitation());
        model.addAttribute("hasAccount", opened.get().accountWithPassword());
        if (!password.equals(again)) {
            return refused(model, response, "The two passwords differ.");
        }
        try {
            return invitations.join(token, name, password)
                    .map(joined -> "redirect:/login?joined")
                    .orElseGet(() -> closed(model, response));
        } catch (InvalidInputException e) {
            return refused(model, response, e.getMessage());
        }
    }

    private static String refused(Model model, jakarta.servlet.http.HttpServletResponse response, String why) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", why);
        return "invitation";
    }

    private static String closed(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("closed", true);
        return "invitation";
    }
}
