package com.stategraph.billing.console;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, and the console's front door: the first tenant's spend. */
@Controller
public class HomeController {
    private final ConsoleSession sessions;

    public HomeController(ConsoleSession sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping({"/", "/console"})
    String home(Principal principal, Model model) {
        ConsoleSession.View session = sessions.of(principal);
        if (session.tenants().isEmpty()) {
            model.addAttribute("me", session);
            model.addAttribute("status", 200);
            model.addAttribute("message", "You are not a member of any tenant yet. Ask an admin to add you.");
            return "error-page";
        }
        return "redirect:/console/t/" + session.tenants().get(0).id() + "/spend";
    }
}
