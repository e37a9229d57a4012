package com.stategraph.billing.console;

import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.estimates.EstimateService;
import com.stategraph.billing.estimates.EstimateViews;
import com.stategraph.billing.estimates.InstanceCost;
import com.stategraph.billing.states.StateService;
import com.stategraph.billing.states.TerraformState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Estimates page: the monthly list-price estimate of the tenant's Terraform states, by state,
 * type, provider and tag value, and one state's resources with their cost components; unsupported
 * types and missing prices called out, never shown as free.
 */
@Controller
public class EstimatesController {
    private static final String USD = EstimateService.CURRENCY;
    /** Tag keys that usually name a team or an environment, shown first. */
    static final List<String> PREFERRED_TAGS = List.of("team", "env", "environment", "owner");

    private final ConsoleSession sessions;
    private final TenantAccess access;
    private final EstimateService estimates;
    private final StateService states;
    private final AttributionPanels attribution;
    private final Clock clock;

    public EstimatesController(ConsoleSession sessions, TenantAccess access, EstimateService estimates, StateService states,
                               AttributionPanels attribution, Clock clock) {
        this.attribution = attribution;
        this.clock = clock;
        this.sessions = sessions;
        this.access = access;
        this.estimates = estimates;
        this.states = states;
    }

    public record Line(String key, String href, String amount, String exact, String share, int resources, String note) {
    }

    public record Table(String title, List<Line> lines) {
    }

    public record Part(String name, String quantity, String price, String amount) {
    }

    public record Resource(String address, String type, String region, String amount, String exact, String status, List<Part> parts) {
    }

    @GetMapping("/console/t/{tenant}/estimates")
    String estimates(@PathVariable UUID tenant, Principal principal, Model model, @RequestParam(required = false) String tag,
                     @RequestParam(required = false) UUID state) {
        ConsoleSession.View session = sessions.of(principal);
        access.requireMember(session.caller(), tenant);
        model.addAttribute("me", session);
        model.addAttribute("tenant", session.tenant(tenant));
        model.addAttribute("page", "estimates");
        boolean book = estimates.priceBookLoaded();
        model.addAttribute("book", book);
        List<TerraformState> all = states.list(tenant);
        model.addAttribute("hasStates", !all.isEmpty());
        if (!book || all.isEmpty()) {
            return "estimates";
        }
        List<String> tagKeys = estimates.tagKeys(tenant);
        String tagKey = tag != null && tagKeys.contains(tag) ? tag
                : PREFERRED_TAGS.stream().filter(tagKeys::contains).findFirst().orElse(tagKeys.isEmpty() ? null : tagKeys.get(0));
        EstimateViews.TenantEstimate view = estimates.tenant(tenant, tagKey);
        BigDecimal total = new BigDecimal(view.monthlyCost());
        model.addAttribute("tagKeys", tagKeys);
        model.addAttribute("tagKey", tagKey);
        model.addAttribute("total", Money.format(view.monthlyCost(), USD));
        model.addAttribute("totalExact", Money.exact(view.monthlyCost(), USD));
        model.addAttribute("coverage", view.coveragePercent());
        model.addAttribute("resourceCount", view.resourceCount());
        String base = "/console/t/" + tenant + "/estimates";
        List<Line> byState = new ArrayList<>();
        for (EstimateViews.StateEstimate s : view.states()) {
            byState.add(new Line(s.name(), base + "?state=" + s.stateId() + (tagKey == null ? "" : "&tag=" + urlEncoded(tagKey)),
                    Money.format(s.monthlyCost(), USD), Money.exact(s.monthlyCost(), USD), share(s.monthlyCost(), total),
                    s.resourceCount(), s.coveragePercent() + " % priced"));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("By state", byState));
        Table byType = table("By resource type", view.byType(), total);
        // a type the estimator does not price is not free: it reads "not estimated", never 0.00
        tables.add(new Table(byType.title(), byType.lines().stream().map(l -> supported(l.key()) ? l
                : new Line(l.key(), l.href(), "not estimated", "", "", l.resources(), "")).toList()));
        tables.add(table("By provider", view.byProvider(), total));
        if (tagKey != null) {
            tables.add(table("By tag " + tagKey, view.byTag(), total));
        }
        model.addAttribute("tables", tables);

        UUID shown = state != null && view.states().stream().anyMatch(s -> s.stateId().equals(state)) ? state
                : view.states().isEmpty() ? null : view.states().get(0).stateId();
        if (shown != null) {
            TerraformState selected = states.get(shown);
            model.addAttribute("state", selected);
            model.addAttribute("stateComparison", attribution.state(selected));
            Optional<EstimateViews.StateCosts> costs = estimates.costs(selected);
            model.addAttribute("computing", costs.isEmpty());
            costs.ifPresent(c -> {
                model.addAttribute("stateTotal", Money.format(c.monthlyCost(), USD));
                model.addAttribute("stateCoverage", c.coveragePercent());
                model.addAttribute("resources", c.instanceCosts().stream().map(EstimatesController::resource).toList());
                model.addAttribute("unsupported", c.instanceCosts().stream().filter(i -> !i.supported())
                        .map(i -> i.address() + " (" + i.type() + ")").toList());
            });
        }
        return "estimates";
    }

    private static Resource resource(InstanceCost i) {
        List<Part> parts = i.components().stream().map(c -> new Part(c.name(), c.monthlyQuantity() + " " + c.unit(),
                c.price() == null ? "no price" : "USD " + c.price(), c.monthlyCost() == null ? "-" : Money.format(c.monthlyCost(), USD)))
                .toList();
        boolean nonePriced = !i.components().isEmpty() && i.components().stream().allMatch(c -> c.monthlyCost() == null);
        // a type the estimator does not price, or a resource none of whose parts has a price, is not free: no 0.00
        String amount = !i.supported() ? "not estimated" : nonePriced ? "no price" : Money.format(i.monthlyCost(), USD);
        // usage-priced parts with no usage given cost 0 until the state's usage says how much: say so, not just 0.00
        boolean awaitsUsage = i.supported() && !i.components().isEmpty() && !i.usageKeys().isEmpty()
                && i.monthlyCost() != null && new BigDecimal(i.monthlyCost()).signum() == 0;
        String status = !i.supported() ? "type not priced" : i.noPrice() ? "no price for some components"
                : i.components().isEmpty() ? "free" : awaitsUsage ? "depends on usage" : "";
        return new Resource(i.address(), i.type(), i.region() == null ? "" : i.region(), amount,
                i.supported() ? Money.exact(i.monthlyCost(), USD) : "", status, parts);
    }

    private static boolean supported(String type) {
        return com.stategraph.billing.estimates.PricedTypes.pricer(type).isPresent()
                || com.stategraph.billing.estimates.PricedTypes.free(type);
    }

    private static Table table(String title, List<EstimateViews.Group> groups, BigDecimal total) {
        List<Line> lines = groups.stream().map(g -> new Line(g.key(), null, Money.format(g.monthlyCost(), USD),
                Money.exact(g.monthlyCost(), USD), share(g.monthlyCost(), total), g.resourceCount(), "")).toList();
        return new Table(title, lines);
    }

    private static String share(String amount, BigDecimal total) {
        return total.signum() == 0 ? "" : new BigDecimal(amount).multiply(BigDecimal.valueOf(100))
                .divide(total, 1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String urlEncoded(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
