package com.stategraph.billing.console;

import com.stategraph.billing.auth.Invitations;
import java.security.Principal;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The open invitations addressed to the signed-in account's email: only that account can accept one. */
@Controller
public class InvitationsController {
    private final ConsoleSession sessions;
    private final Invitations invitations;

    public InvitationsController(ConsoleSession sessions, Invitations invitations) {
        this.sessions = sessions;
        this.invitations = invitations;
    }

    @GetMapping("/console/invitations")
    String list(Principal principal, Model model) {
        ConsoleSession.View session = sessions.of(principal);
        model.addAttribute("me", session);
        model.addAttribute("invitations", invitations.openFor(session.caller().email()));
        return "invitations";
    }

    @PostMapping("/console/invitations/{id}/accept")
    String accept(@PathVariable UUID id, Principal principal, RedirectAttributes flash) {
        ConsoleSession.View session = sessions.of(principal);
        return invitations.accept(session.caller().id(), session.caller().email(), id)
                .map(tenant -> "redirect:/console/t/" + tenant + "/spend")
                .orElseGet(() -> {
                    flash.addFlashAttribute("notice", "That invitation is no longer open.");
                    return "redirect:/console/invitations";
                });
    }

    @PostMapping("/console/invitations/{id}/decline")
    String decline(@PathVariable UUID id, Principal principal, RedirectAttributes flash) {
        ConsoleSession.View session = sessions.of(principal);
        flash.addFlashAttribute("notice", invitations.decline(session.caller().email(), id)
                ? "Declined." : "That invitation is no longer open.");
        return "redirect:/console/invitations";
    }
}
