package com.stategraph.billing.console;

import com.stategraph.billing.auth.Invitations;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, and the console's front door: the first tenant's spend. */
@Controller
public class HomeController {
    private final ConsoleSession sessions;
    private final Invitations invitations;

    private final com.stategraph.billing.auth.OidcSignIn oidc;
    private final com.stategraph.billing.auth.SignInThrottle throttle;

    public HomeController(ConsoleSession sessions, Invitations invitations, com.stategraph.billing.auth.OidcSignIn oidc,
                          com.stategraph.billing.auth.SignInThrottle throttle) {
        this.sessions = sessions;
        this.invitations = invitations;
        this.oidc = oidc;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(org.springframework.ui.Model model) {
        model.addAttribute("sso", oidc.enabled());
        model.addAttribute("ssoName", oidc.displayName());
        model.addAttribute("localLogin", oidc.localLogin());
        model.addAttribute("throttleMinutes", throttle.window().toMinutes());
        return "login";
    }

    /** Open invitations come first: a user sees them right after signing in. */
    @GetMapping({"/", "/console"})
    String home(Principal principal, Model model, jakarta.servlet.http.HttpServletRequest request) {
        ConsoleSession.View session = sessions.of(principal);
        if (!invitations.openFor(session.caller().email()).isEmpty()) {
            return "redirect:/console/invitations";
        }
        return tenantHome(session, model, request);
    }

    /** The spend of the tenant used last in this browser (if still a member), else the first tenant's, whatever invitations are open. */
    @GetMapping("/console/home")
    String tenantHome(Principal principal, Model model, jakarta.servlet.http.HttpServletRequest request) {
        return tenantHome(sessions.of(principal), model, request);
    }

    private static String tenantHome(ConsoleSession.View session, Model model, jakarta.servlet.http.HttpServletRequest request) {
        if (session.tenants().isEmpty()) {
            model.addAttribute("me", session);
            model.addAttribute("status", 200);
            model.addAttribute("message", "You are not a member of any tenant yet. Ask an admin to add you.");
            return "error-page";
        }
        java.util.UUID last = LastTenant.of(request)
                .filter(id -> session.tenants().stream().anyMatch(t -> t.id().equals(id)))
                .orElse(session.tenants().get(0).id());
        return "redirect:/console/t/" + last + "/spend";
    }
}
