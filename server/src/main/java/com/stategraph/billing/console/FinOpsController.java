package com.stategraph.billing.console;

import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.budgets.Budgets;
import com.stategraph.billing.budgets.SpendForecasts;
import com.stategraph.billing.costs.CommitmentCoverage;
import com.stategraph.billing.costs.Commitments;
import com.stategraph.billing.costs.Invoices;
import com.stategraph.billing.costs.Savings;
import com.stategraph.billing.costs.TagCoverage;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.export.CsvTable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The FinOps page: the month-end forecast, budgets, savings, commitment use and coverage, invoices and
 * tag coverage, each a table of the API's own answer with its CSV download.
 */
@Controller
public class FinOpsController {
    private final ConsoleSession sessions;
    private final TenantAccess access;
    private final SpendForecasts forecasts;
    private final Budgets budgets;
    private final Savings savings;
    private final Commitments commitments;
    private final CommitmentCoverage coverage;
    private final Invoices invoices;
    private final TagCoverage tagCoverage;
    private final ObjectMapper json;

    public FinOpsController(ConsoleSession sessions, TenantAccess access, SpendForecasts forecasts, Budgets budgets, Savings savings,
                            Commitments commitments, CommitmentCoverage coverage, Invoices invoices, TagCoverage tagCoverage,
                            ObjectMapper json) {
        this.sessions = sessions;
        this.access = access;
        this.forecasts = forecasts;
        this.budgets = budgets;
        this.savings = savings;
        this.commitments = commitments;
        this.coverage = coverage;
        this.invoices = invoices;
        this.tagCoverage = tagCoverage;
        this.json = json;
    }

    /** A section of the page: its title, its CSV's name, and the table as people read it. */
    public record Section(String title, String view, List<String> header, List<Boolean> numeric,
                          List<List<FinOpsCells.Cell>> rows) {
    }

    /** The page's answers by view, each read only when shown or downloaded. */
    private Map<String, Supplier<Object>> views(UUID tenant, String from, String to) {
        Map<String, Supplier<Object>> views = new LinkedHashMap<>();
        views.put("forecast", () -> forecasts.month(tenant, null, null));
        views.put("budgets", () -> Map.of("results", budgets.list(tenant).stream().map(FinOpsController::budget).toList()));
        views.put("savings", () -> savings.of(tenant, from, to));
        views.put("commitments", () -> commitments.of(tenant, from, to));
        views.put("commitment-coverage", () -> coverage.of(tenant, from, to));
        views.put("invoices", () -> invoices.of(tenant, from, to));
        views.put("tag-coverage", () -> Map.of("results", tagCoverageByProvider(tagCoverage.of(tenant, null, null, null))));
        return views;
    }

    private static final Map<String, String> TITLES = Map.of("forecast", "Month-end forecast", "budgets", "Budgets",
            "savings", "Savings and effective savings rate", "commitments", "Commitment discount utilisation",
            "commitment-coverage", "Commitment discount coverage", "invoices", "Billed cost per invoice",
            "tag-coverage", "Tag coverage, this month");

    @GetMapping("/console/t/{tenant}/finops")
    String page(@PathVariable UUID tenant, Principal principal, Model model, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to) {
        ConsoleSession.View session = sessions.of(principal);
        access.requireMember(session.caller(), tenant);
        model.addAttribute("me", session);
        model.addAttribute("tenant", session.tenant(tenant));
        model.addAttribute("page", "finops");
        // The pickers show the range the answers cover: by default the last three months and this one.
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        model.addAttribute("from", blank(from) == null ? now.minusMonths(3).toString() : from);
        model.addAttribute("to", blank(to) == null ? now.plusMonths(1).toString() : to);
        List<Section> sections = new ArrayList<>();
        views(tenant, blank(from), blank(to)).forEach((view, answer) -> {
            FinOpsCells.Formatted table = FinOpsCells.of(CsvTable.of(json.valueToTree(answer.get())));
            sections.add(new Section(TITLES.get(view), view, table.header(), table.numeric(), table.rows()));
        });
        model.addAttribute("sections", sections);
        return "finops";
    }

    @GetMapping("/console/t/{tenant}/finops.csv")
    void csv(@PathVariable UUID tenant, Principal principal, @RequestParam String view, @RequestParam(required = false) String from,
             @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        ConsoleSession.View session = sessions.of(principal);
        access.requireMember(session.caller(), tenant);
        Supplier<Object> answer = views(tenant, blank(from), blank(to)).get(view);
        if (answer == null) {
            throw new InvalidInputException("INVALID_PARAMETER", "view must be one of " + String.join(", ", TITLES.keySet()));
        }
        Object body = answer.get();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + view + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CsvTable.write(json.valueToTree(body), out);
        out.flush();
    }

    /** Tag coverage as a table: a row per tag key and provider (the answer nests providers in each key). */
    private static List<Map<String, Object>> tagCoverageByProvider(TagCoverage.Coverage coverage) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TagCoverage.KeyCoverage key : coverage.results()) {
            for (TagCoverage.Share share : key.byProvider()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tag_key", key.tagKey());
                row.put("provider", share.provider());
                row.put("currency", key.currency());
                row.put("tagged_cost", share.taggedCost());
                row.put("total_cost", share.totalCost());
                row.put("coverage_percent", share.coveragePercent());
                rows.add(row);
            }
        }
        return rows;
    }

    /** A budget as one line: what it is and where it stands this period. */
    private static Map<String, Object> budget(com.stategraph.billing.budgets.Budget b) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", b.name());
        line.put("period", b.period() + " from " + b.status().periodStart());
        line.put("amount", b.amount());
        line.put("currency", b.currency());
        line.put("spent", b.status().spent());
        line.put("spent_percent", b.status().spentPercent());
        line.put("forecast", b.status().forecast());
        line.put("forecast_percent", b.status().forecastPercent());
        line.put("remaining", b.status().remaining());
        line.put("alerted", String.join(" ", b.status().alerts().stream().map(a -> a.type() + " " + a.percent().toPlainString() + " %")
                .toList()));
        return line;
    }

    /** {@code effective_savings_rate_percent} as a column title: "Effective savings rate percent". */
    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
