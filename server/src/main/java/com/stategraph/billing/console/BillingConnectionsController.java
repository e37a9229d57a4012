package com.stategraph.billing.console;

import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.domain.DomainException;
import com.stategraph.billing.load.BillingLoadRepository;
import com.stategraph.billing.source.BillingSource;
import com.stategraph.billing.source.BillingSourceService;
import com.stategraph.billing.sync.SyncRun;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Billing Connections, for tenant admins: sources, their status and runs, and every action the API offers. */
@Controller
public class BillingConnectionsController {
    private final ConsoleSession sessions;
    private final TenantAccess access;
    private final BillingSourceService service;
    private final BillingLoadRepository loads;

    public BillingConnectionsController(ConsoleSession sessions, TenantAccess access, BillingSourceService service,
                                        BillingLoadRepository loads) {
        this.sessions = sessions;
        this.access = access;
        this.service = service;
        this.loads = loads;
    }

    private ConsoleSession.View admin(Principal principal, UUID tenant, Model model) {
        ConsoleSession.View session = sessions.of(principal);
        access.requireAdmin(session.caller(), tenant);
        model.addAttribute("me", session);
        model.addAttribute("tenant", session.tenant(tenant));
        model.addAttribute("page", "billing");
        return session;
    }

    private static String back(UUID tenant) {
        return "redirect:/console/t/" + tenant + "/billing";
    }

    @GetMapping("/console/t/{tenant}/billing")
    String list(@PathVariable UUID tenant, Principal principal, Model model) {
        admin(principal, tenant, model);
        var sources = service.list(tenant);
        Map<UUID, SyncRun> actives = new HashMap<>();
        Map<UUID, SyncRun> lastRuns = new HashMap<>();
        for (BillingSource s : sources) {
            service.activeRun(tenant, s.id()).ifPresent(r -> actives.put(s.id(), r));
            service.lastFinishedRun(tenant, s.id()).ifPresent(r -> lastRuns.put(s.id(), r));
        }
        model.addAttribute("sources", sources);
        model.addAttribute("actives", actives);
        model.addAttribute("lastRuns", lastRuns);
        return "billing";
    }

    @PostMapping("/console/t/{tenant}/billing")
    String add(@PathVariable UUID tenant, Principal principal, Model model, RedirectAttributes flash,
               @RequestParam String provider, @RequestParam("source_uri") String sourceUri,
               @RequestParam(required = false) String region, @RequestParam("window_months") Integer windowMonths) {
        ConsoleSession.View session = admin(principal, tenant, model);
        try {
            BillingSource created = service.create(session.caller(), tenant,
                    new BillingSourceService.NewSource(provider, sourceUri, region, windowMonths, true));
            flash.addFlashAttribute("notice", "Added the " + created.provider() + " source. Sync it to load its data.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draft", new String[] {provider, sourceUri, region, String.valueOf(windowMonths)});
        }
        return back(tenant);
    }

    @GetMapping("/console/t/{tenant}/billing/{id}")
    String source(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model) {
        admin(principal, tenant, model);
        model.addAttribute("source", service.get(tenant, id));
        model.addAttribute("runs", service.runs(tenant, id, 50));
        return "source";
    }

    @PostMapping("/console/t/{tenant}/billing/{id}")
    String update(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model, RedirectAttributes flash,
                  @RequestParam("source_uri") String sourceUri, @RequestParam(required = false) String region,
                  @RequestParam("window_months") Integer windowMonths) {
        ConsoleSession.View session = admin(principal, tenant, model);
        try {
            service.update(session.caller(), tenant, id, new BillingSourceService.SourceChanges(null, region == null ? "" : region,
                    sourceUri, windowMonths));
            flash.addFlashAttribute("notice", "Saved.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/t/" + tenant + "/billing/" + id;
    }

    @PostMapping("/console/t/{tenant}/billing/{id}/sync")
    String sync(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model, RedirectAttributes flash,
                @RequestParam(required = false) String from) {
        ConsoleSession.View session = admin(principal, tenant, model);
        LocalDate start = null;
        if (from != null && !from.isBlank()) {
            try {
                start = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                flash.addFlashAttribute("error", "'" + from + "' is not a date (YYYY-MM-DD)");
                return back(tenant);
            }
        }
        try {
            service.requestSync(session.caller(), tenant, id, start, false);
            flash.addFlashAttribute("notice", "Sync requested.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return back(tenant);
    }

    @PostMapping("/console/t/{tenant}/billing/{id}/enabled")
    String setEnabled(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model,
                      RedirectAttributes flash, @RequestParam boolean enabled) {
        ConsoleSession.View session = admin(principal, tenant, model);
        service.update(session.caller(), tenant, id, new BillingSourceService.SourceChanges(enabled, null, null, null));
        flash.addFlashAttribute("notice", enabled ? "Enabled: it syncs on the schedule again." : "Disabled: scheduled syncs stop.");
        return back(tenant);
    }

    @GetMapping("/console/t/{tenant}/billing/{id}/remove")
    String confirmRemove(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model) {
        admin(principal, tenant, model);
        model.addAttribute("source", service.get(tenant, id));
        model.addAttribute("rows", loads.currentRows(tenant, id));
        return "remove";
    }

    @PostMapping("/console/t/{tenant}/billing/{id}/remove")
    String remove(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model, RedirectAttributes flash) {
        ConsoleSession.View session = admin(principal, tenant, model);
        service.delete(session.caller(), tenant, id);
        flash.addFlashAttribute("notice", "Removed the source and its billing rows.");
        return back(tenant);
    }

    /** The status cell of one source; htmx polls it while a sync waits or runs. */
    @GetMapping("/console/t/{tenant}/billing/{id}/status")
    String status(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, Model model) {
        admin(principal, tenant, model);
        model.addAttribute("s", service.get(tenant, id));
        model.addAttribute("active", service.activeRun(tenant, id).orElse(null));
        model.addAttribute("lastRun", service.lastFinishedRun(tenant, id).orElse(null));
        return "billing :: status";
    }
}
