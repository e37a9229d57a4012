package com.stategraph.billing.console;

import com.stategraph.billing.anomalies.Anomalies;
import com.stategraph.billing.anomalies.Anomaly;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.domain.DomainException;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Spend page's active anomalies, and their dismissal by any member of the tenant. */
@Controller
public class AnomalyPanel {
    private final ConsoleSession sessions;
    private final TenantAccess access;
    private final Anomalies anomalies;

    public AnomalyPanel(ConsoleSession sessions, TenantAccess access, Anomalies anomalies) {
        this.sessions = sessions;
        this.access = access;
        this.anomalies = anomalies;
    }

    /** One anomaly as the panel shows it: amounts in the currency's minor units, exact in the tooltip. */
    public record Line(UUID id, String day, String series, String provider, String severity, String expected, String actual,
                       String difference, String differenceExact) {
    }

    /** The tenant's active anomalies, the latest day first. */
    List<Line> active(UUID tenant) {
        return anomalies.list(tenant, null, null, Anomaly.ACTIVE).results().stream().map(AnomalyPanel::line).toList();
    }

    @PostMapping("/console/t/{tenant}/anomalies/{id}/dismiss")
    String dismiss(@PathVariable UUID tenant, @PathVariable UUID id, Principal principal, RedirectAttributes flash,
                   @RequestParam(required = false) String reason) {
        ConsoleSession.View session = sessions.of(principal);
        access.requireMember(session.caller(), tenant);
        try {
            Anomaly dismissed = anomalies.dismiss(session.caller(), tenant, id, reason);
            flash.addFlashAttribute("notice", "Dismissed the anomaly of " + dismissed.day() + " (" + line(dismissed).series() + ").");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/t/" + tenant + "/spend";
    }

    private static Line line(Anomaly a) {
        String series = "tag".equals(a.dimension())
                ? "tag " + a.tagKey() + "=" + (a.tagValue() == null ? "" : a.tagValue())
                : (a.serviceName() == null ? "(no service)" : a.serviceName()) + (a.subAccountId() == null ? "" : " in " + a.subAccountId());
        String difference = Money.format(a.difference(), a.currency());
        return new Line(a.id(), a.day().toString(), series, a.provider(), a.severity(), Money.format(a.expectedCost(), a.currency()),
                Money.format(a.actualCost(), a.currency()),
                a.difference().startsWith("-") ? difference : difference.replaceFirst(" ", " +"),
                Money.exact(a.difference(), a.currency()));
    }
}
