package com.stategraph.billing.console;

import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.source.BillingSourceService;
import com.stategraph.billing.costs.Actuals;
import com.stategraph.billing.costs.ActualsService;
import com.stategraph.billing.costs.CostQuery;
import com.stategraph.billing.costs.CostQueryParser;
import com.stategraph.billing.costs.CostSummary;
import com.stategraph.billing.costs.CostSummaryService;
import com.stategraph.billing.currency.ConvertedActuals;
import com.stategraph.billing.currency.ExchangeRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spend page: month to date against the same days of last month, daily spend stacked by
 * provider, service or a tag key, and tables by provider, service, sub-account, region, top resources and tag, all in one
 * currency at a time.
 */
@Controller
public class SpendController {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String> TAG_TABLES = List.of("team", "env", "environment", "owner");
    /** The resources that cost the most, the rest summed as "other". */
    private static final int TOP_RESOURCES = 10;

    private final ConsoleSession sessions;
    private final TenantAccess access;
    private final CostQueryParser parser;
    private final ActualsService actuals;
    private final CostSummaryService summaries;
    private final BillingSourceService sources;
    private final AttributionPanels attribution;
    private final AnomalyPanel anomalies;
    private final ConvertedActuals converted;
    private final ExchangeRates rates;

    public SpendController(ConsoleSession sessions, TenantAccess access, CostQueryParser parser, ActualsService actuals,
                           CostSummaryService summaries, BillingSourceService sources, AttributionPanels attribution,
                           AnomalyPanel anomalies, ConvertedActuals converted, ExchangeRates rates) {
        this.converted = converted;
        this.rates = rates;
        this.attribution = attribution;
        this.anomalies = anomalies;
        this.sessions = sessions;
        this.access = access;
        this.parser = parser;
        this.actuals = actuals;
        this.summaries = summaries;
        this.sources = sources;
    }

    /** One table row: a group, its exact amount formatted, and its share of the currency's total. */
    /** A table line: the amount rounded to the currency's minor units, and exact (for the tooltip). */
    public record Line(String key, String amount, String exact, String share) {
    }

    /** @param view the grouping, as the table's CSV download names it */
    public record Table(String title, String view, List<Line> lines) {
    }

    public record Comparison(String currency, String monthToDate, String previousSameDays, String change) {
    }

    @GetMapping("/console/t/{tenant}/spend")
    String spend(@PathVariable UUID tenant, Principal principal, Model model,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String metric, @RequestParam(required = false) String currency,
                 @RequestParam(required = false, defaultValue = "provider") String stack) {
        ConsoleSession.View session = sessions.of(principal);
        access.requireMember(session.caller(), tenant);
        CostQuery base = parser.parse(tenant, CostQueryParser.Params.range(blank(from), blank(to), blank(metric)));
        Display display = display(tenant, base, currency, model);
        Actuals total = display.total();
        List<String> currencies = display.currencies();
        String shown = display.shown();
        java.util.function.Function<CostQuery, Actuals> view = display.view();
        List<String> tagKeys = actuals.tagKeys(tenant, base.from(), base.to());

        model.addAttribute("me", session);
        model.addAttribute("tenant", session.tenant(tenant));
        model.addAttribute("page", "spend");
        model.addAttribute("from", base.from());
        model.addAttribute("to", base.to());
        model.addAttribute("metric", base.metric().value());
        model.addAttribute("currency", shown);
        model.addAttribute("currencies", currencies);
        model.addAttribute("stack", stack);
        model.addAttribute("tagKeys", tagKeys);
        model.addAttribute("hasSources", !sources.list(tenant).isEmpty());
        model.addAttribute("comparisons", comparisons(summaries.summary(tenant, base.metric(), view)));
        model.addAttribute("anomalies", anomalies.active(tenant));
        // Each current estimate against its resource's monthly run rate: what works the day a state is pushed.
        model.addAttribute("estimateVsActual", attribution.tenant(tenant));
        if (shown == null) {
            return "spend";
        }
        String totalCost = total.totals().stream().filter(t -> t.currency().equals(shown)).findFirst().orElseThrow().cost();
        model.addAttribute("total", Money.format(totalCost, shown));
        model.addAttribute("totalExact", Money.exact(totalCost, shown));
        model.addAttribute("chart", chart(grouped(view, base, stack, "day", 8), shown));
        List<Table> tables = new ArrayList<>();
        tables.add(table("By provider", "provider", grouped(view, base, "provider", "total", null), shown));
        tables.add(table("By service", "service", grouped(view, base, "service", "total", null), shown));
        tables.add(table("By sub-account", "sub_account", grouped(view, base, "sub_account", "total", null), shown));
        tables.add(table("By region", "region", grouped(view, base, "region", "total", null), shown));
        tables.add(table("Top resources", "resource", grouped(view, base, "resource", "total", TOP_RESOURCES), shown));
        for (String key : tagKeys) {
            if (TAG_TABLES.contains(key.toLowerCase())) {
                tables.add(table("By tag " + key, "tag:" + key, grouped(view, base, "tag:" + key, "total", null), shown));
            }
        }
        model.addAttribute("tables", tables);
        model.addAttribute("split", attribution.split(tenant, base.from(), base.to(), base.metric().value(), shown,
                model.getAttribute("converted") != null));
        List<AttributionPanels.UnmanagedLine> unmanaged = attribution.topUnmanaged(tenant, base.from(), base.to(), TOP_RESOURCES);
        model.addAttribute("unmanaged", unmanaged);
        model.addAttribute("unmanagedTypes", unmanaged.stream().anyMatch(u -> !u.type().isEmpty()));
        return "spend";
    }

    /** One of the page's tables, every currency's groups, as CSV: what the table shows, to take elsewhere. */
    @GetMapping("/console/t/{tenant}/spend.csv")
    void csv(@PathVariable UUID tenant, Principal principal, @RequestParam String view,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String metric, @RequestParam(required = false) String currency,
             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ConsoleSession.View session = sessions.of(principal);
        access.requireMember(session.caller(), tenant);
        if (!List.of("provider", "service", "sub_account", "region", "resource").contains(view) && !view.startsWith("tag:")) {
            throw new InvalidInputException("INVALID_PARAMETER", "view must be provider, service, sub_account, region, resource or tag:KEY");
        }
        CostQuery base = parser.parse(tenant, CostQueryParser.Params.range(blank(from), blank(to), blank(metric)));
        Display display = display(tenant, base, currency, new org.springframework.ui.ExtendedModelMap());
        Actuals answer = grouped(display.view(), base, view, "total", view.equals("resource") ? TOP_RESOURCES : null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"spend-" + view.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + base.from() + "-" + base.to() + ".csv\"");
        java.io.Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        com.stategraph.billing.export.CsvTable.write(JSON.valueToTree(answer), out);
        out.flush();
    }

    /** The currency the page shows, its total, and how its other views answer (converted into the reporting currency, or not). */
    private record Display(String shown, Actuals total, List<String> currencies, java.util.function.Function<CostQuery, Actuals> view) {
    }

    /**
     * The currency asked for, else the tenant's reporting currency, else the one most is billed in;
     * every line billed in another currency converted into it at its month's rate, so no spend drops
     * out of the chart and tables. Without a rate for a month, the page shows what is billed in the
     * currency alone and says how much, billed in which currency, is left out and why.
     */
    private Display display(UUID tenant, CostQuery base, String asked, Model model) {
        Actuals billed = actuals.actuals(base);
        List<String> currencies = new ArrayList<>(billed.totals().stream().map(Actuals.CurrencyTotal::currency).toList());
        String reporting = rates.reportingCurrency(tenant).reportingCurrency();
        if (reporting != null && !currencies.isEmpty() && !currencies.contains(reporting)) {
            currencies.add(0, reporting);
        }
        String shown = currencies.contains(asked) ? asked : reporting != null && currencies.contains(reporting) ? reporting
                : largest(billed);
        List<Actuals.CurrencyTotal> others = billed.totals().stream().filter(t -> !t.currency().equals(shown)).toList();
        if (shown == null || others.isEmpty()) {
            return new Display(shown, billed, currencies, actuals::actuals);
        }
        try {
            Actuals converted = this.converted.actuals(base, shown);
            model.addAttribute("converted", rates.anySample(converted.exchangeRates())
                    ? "every currency converted at its month's sample exchange rate, loaded by the demo"
                    : "every currency converted at its month's exchange rate");
            return new Display(shown, converted, currencies, q -> this.converted.actuals(q, shown));
        } catch (InvalidInputException e) {
            String billedIn = billed.totals().stream().anyMatch(t -> t.currency().equals(shown)) ? shown : largest(billed);
            List<String> leftOut = billed.totals().stream().filter(t -> !t.currency().equals(billedIn))
                    .map(t -> Money.format(t.cost(), t.currency())).toList();
            model.addAttribute("leftOut", "Left out of these amounts: " + String.join(" and ", leftOut) + " billed in another currency ("
                    + e.getMessage() + ").");
            if (!shown.equals(billedIn)) {
                currencies.remove(shown);
            }
            return new Display(billedIn, billed, currencies, actuals::actuals);
        }
    }

    /** A month picked in a form ({@code YYYY-MM}), or the one of {@code fallback}. */
    private Actuals grouped(java.util.function.Function<CostQuery, Actuals> view, CostQuery base, String groupBy, String granularity,
                            Integer limit) {
        boolean tag = groupBy.startsWith("tag:");
        return view.apply(parser.parse(base.tenantId(), new CostQueryParser.Params(base.from().toString(),
                base.to().toString(), base.metric().value(), tag ? "tag" : groupBy, tag ? groupBy.substring(4) : null,
                granularity, null, null, null, null, null, null, limit == null ? null : limit.toString(), null, null, null)));
    }

    private static Table table(String title, String view, Actuals answer, String currency) {
        BigDecimal total = answer.totals().stream().filter(t -> t.currency().equals(currency))
                .map(t -> new BigDecimal(t.cost())).findFirst().orElse(BigDecimal.ZERO);
        List<Line> lines = new ArrayList<>();
        for (Actuals.Group g : answer.results()) {
            if (g.currency().equals(currency)) {
                BigDecimal cost = new BigDecimal(g.cost());
                String share = total.signum() == 0 ? "" : cost.multiply(BigDecimal.valueOf(100))
                        .divide(total, 1, RoundingMode.HALF_UP).toPlainString() + " %";
                lines.add(new Line(g.key(), Money.format(g.cost(), currency), Money.exact(g.cost(), currency), share));
            }
        }
        return new Table(title, view, lines);
    }

    /**
     * JSON that may stand inside a {@code <script>} element: tag values and service names come from
     * billing data anyone who can tag a cloud resource controls, and "</script>" in one must not
     * end the element. Outside strings JSON has none of these characters; inside them the escapes
     * mean the same characters to JSON.parse.
     */
    static String htmlSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The chart's data for console.js, as JSON in the page (no inline script: the CSP forbids it). */
    private static String chart(Actuals daily, String currency) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("currency", currency);
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (Actuals.Group g : daily.results()) {
            if (!g.currency().equals(currency)) {
                continue;
            }
            if (labels.isEmpty()) {
                g.series().forEach(p -> labels.add(p.period().toString()));
            }
            series.add(Map.of("label", g.key(), "data", g.series().stream().map(Actuals.Point::cost).toList()));
        }
        data.put("labels", labels);
        data.put("series", series);
        return htmlSafe(JSON.writeValueAsString(data));
    }

    private static List<Comparison> comparisons(CostSummary summary) {
        Map<String, String[]> byCurrency = new LinkedHashMap<>();
        summary.monthToDate().totals().forEach(t -> byCurrency.computeIfAbsent(t.currency(), c -> new String[] {"0", "0"})[0] = t.cost());
        summary.previousMonthSameDays().totals().forEach(t -> byCurrency.computeIfAbsent(t.currency(), c -> new String[] {"0", "0"})[1] = t.cost());
        List<Comparison> out = new ArrayList<>();
        byCurrency.forEach((currency, v) -> {
            BigDecimal now = new BigDecimal(v[0]);
            BigDecimal before = new BigDecimal(v[1]);
            String change = before.signum() == 0 ? "new"
                    : Money.difference(now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 4, RoundingMode.HALF_UP));
            out.add(new Comparison(currency, Money.format(v[0], currency), Money.format(v[1], currency), change));
        });
        return out;
    }

    private static String largest(Actuals total) {
        return total.totals().stream().max((a, b) -> new BigDecimal(a.cost()).compareTo(new BigDecimal(b.cost())))
                .map(Actuals.CurrencyTotal::currency).orElse(null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
