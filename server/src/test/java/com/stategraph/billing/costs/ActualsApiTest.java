package com.stategraph.billing.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.ExportFixtures;
import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.SyncServerTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The actuals API over a generated dataset whose every sum is known: each metric and grouping,
 * compared to the last decimal digit, the currency rule, untagged, other, filters, empty ranges,
 * bad parameters and tenant isolation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActualsApiTest extends SyncServerTest {
    private static final YearMonth M1 = YearMonth.now(ZoneOffset.UTC).minusMonths(2);
    private static final YearMonth M2 = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final List<String> HEADER = List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost",
            "BillingCurrency", "BillingPeriodStart", "ChargePeriodStart", "ServiceName", "ServiceCategory", "BillingAccountId",
            "SubAccountId", "RegionId", "ChargeCategory", "ResourceId", "Tags", "ProviderName", "PublisherName",
            "InvoiceIssuerName");

    record Row(String provider, LocalDate day, String service, String category, String account, String subAccount,
               String region, String chargeCategory, String currency, String resource, Map<String, String> tags,
               BigDecimal billed, BigDecimal effective, BigDecimal list, BigDecimal contracted, String source,
               String publisher, String issuer) {
        BigDecimal metric(String m) {
            return switch (m) {
                case "billed" -> billed;
                case "list" -> list;
                case "contracted" -> contracted;
                default -> effective;
            };
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> sourceIds = new HashMap<>();
    private String tenant;

    @BeforeAll
    void loadDataset() throws Exception {
        api = new HttpApi(port);
        tenant = newTenant();
        Random r = new Random(7);
        String[] services = {"Compute", "Storage", "Database", "Network"};
        String[] subAccounts = {"acct-1", "acct-2", "acct-3"};
        String[] regions = {"us-east-1", "eu-west-1"};
        String[] teams = {"web", "data", "ml"};
        for (String cloud : List.of("aws", "azure")) {
            Path dir = tempDir("actuals-" + cloud + "-");
            List<List<String>> csv = new ArrayList<>();
            for (YearMonth m : List.of(M1, M2)) {
                for (int i = 0; i < 400; i++) {
                    LocalDate day = m.atDay(1 + r.nextInt(m.lengthOfMonth()));
                    // Azure bills most rows in EUR and some in USD: a group can have two currencies.
                    String currency = cloud.equals("aws") || i % 5 == 0 ? "USD" : "EUR";
                    // Providers as the rows name them: an Azure export that also holds Oracle's charges, AWS
                    // Marketplace sellers as publishers, a partner as the invoice issuer of some Azure rows.
                    String provider = cloud.equals("aws") ? "AWS" : i % 6 == 0 ? "Oracle" : "Microsoft";
                    String publisher = cloud.equals("aws") && i % 7 == 0 ? "Acme Marketplace Seller" : provider;
                    String issuer = cloud.equals("azure") && i % 8 == 0 ? "Contoso Partner" : cloud.equals("aws") ? "AWS" : "Microsoft";
                    BigDecimal billed = BigDecimal.valueOf(r.nextInt(1_000_000_000), 7);
                    Map<String, String> tags = new java.util.LinkedHashMap<>();
                    if (i % 4 != 0) {
                        tags.put("team", teams[r.nextInt(teams.length)]);
                    }
                    if (i % 3 == 0) {
                        tags.put("env", i % 2 == 0 ? "prod" : "dev");
                    }
                    Row row = new Row(provider, day, services[r.nextInt(services.length)], "Compute", "billing-" + cloud,
                            subAccounts[r.nextInt(subAccounts.length)], regions[r.nextInt(regions.length)],
                            i % 10 == 0 ? "Credit" : "Usage", currency, "res-" + r.nextInt(20), tags,
                            billed, billed.multiply(new BigDecimal("0.9")), billed.multiply(new BigDecimal("1.2")),
                            billed.subtract(new BigDecimal("0.0000001")), cloud, publisher, issuer);
                    rows.add(row);
                    StringBuilder tagJson = new StringBuilder("{");
                    tags.forEach((k, v) -> tagJson.append(tagJson.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
                    csv.add(List.of(row.billed().toPlainString(), row.effective().toPlainString(), row.list().toPlainString(),
                            row.contracted().toPlainString(), currency, m.atDay(1) + "T00:00:00Z", day + "T00:00:00Z",
                            row.service(), row.category(), row.account(), row.subAccount(), row.region(), row.chargeCategory(),
                            row.resource(), tagJson.append('}').toString(), provider, publisher, issuer));
                }
            }
            ExportFixtures.csv(dir.resolve("export.csv"), false, false, HEADER, csv);
            String source = addSource(tenant, cloud, "file://" + dir + "/");
            sourceIds.put(cloud, source);
            assertThat(syncAndWait(tenant, source).path("status").asString()).isEqualTo("ok");
        }
    }

    private JsonNode get(String query) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private Map<String, BigDecimal> expected(String metric, Predicate<Row> filter, Function<Row, String> key) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Row row : rows) {
            if (filter.test(row)) {
                sums.merge(key.apply(row) + "|" + row.currency(), row.metric(metric), BigDecimal::add);
            }
        }
        return sums;
    }

    private static Map<String, BigDecimal> actual(JsonNode answer) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (JsonNode g : answer.path("results")) {
            BigDecimal previous = sums.put(g.path("key").asString() + "|" + g.path("currency").asString(),
                    new BigDecimal(g.path("cost").asString()));
            assertThat(previous).as("one result per key and currency").isNull();
        }
        return sums;
    }

    /** Expected sums of one currency, the largest first. */
    private static List<Map.Entry<String, BigDecimal>> ranked(Map<String, BigDecimal> sums, String currency) {
        return sums.entrySet().stream().filter(e -> e.getKey().endsWith("|" + currency))
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).toList();
    }

    private static List<JsonNode> groupsIn(JsonNode answer, String currency) {
        List<JsonNode> groups = new ArrayList<>();
        answer.path("results").forEach(g -> {
            if (g.path("currency").asString().equals(currency)) {
                groups.add(g);
            }
        });
        return groups;
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }

    private static void assertExact(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualByComparingTo(v));
    }

    private String range() {
        return "from=" + M1.atDay(1) + "&to=" + M2.plusMonths(1).atDay(1);
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({"billed,service", "effective,service", "list,service", "contracted,service", "effective,provider",
            "billed,sub_account", "list,region", "contracted,charge_category", "billed,billing_account",
            "effective,service_category", "billed,resource", "effective,source", "list,publisher", "billed,invoice_issuer",
            "effective,host_provider"})
    void everyMetricAndGroupingSumsExactly(String metric, String groupBy) {
        Function<Row, String> key = switch (groupBy) {
            case "service" -> Row::service;
            case "provider" -> Row::provider;
            case "sub_account" -> Row::subAccount;
            case "region" -> Row::region;
            case "charge_category" -> Row::chargeCategory;
            case "billing_account" -> Row::account;
            case "service_category" -> Row::category;
            case "resource" -> Row::resource;
            case "publisher" -> Row::publisher;
            case "invoice_issuer" -> Row::issuer;
            case "host_provider" -> row -> "(none)";
            default -> row -> sourceIds.get(row.source());
        };
        JsonNode answer = get("?" + range() + "&metric=" + metric + "&group_by=" + groupBy);
        assertThat(answer.path("metric").asString()).isEqualTo(metric);
        assertThat(answer.path("group_by").asString()).isEqualTo(groupBy);
        assertExact(actual(answer), expected(metric, row -> true, key));
        Map<String, BigDecimal> totals = expected(metric, row -> true, row -> "");
        for (JsonNode t : answer.path("totals")) {
            assertThat(new BigDecimal(t.path("cost").asString())).isEqualByComparingTo(totals.get("|" + t.path("currency").asString()));
        }
        assertThat(answer.path("totals")).hasSize(2);
    }

    @Test
    void aRangeOfWholeMonthsAndOddDaysSumsExactly() {
        LocalDate from = M1.atDay(10);
        LocalDate to = M2.plusMonths(1).atDay(1);
        JsonNode answer = get("?from=" + from + "&to=" + to + "&group_by=sub_account&metric=list");
        assertExact(actual(answer), expected("list", row -> !row.day().isBefore(from), Row::subAccount));
        JsonNode monthly = get("?from=" + from + "&to=" + M2.atDay(20) + "&granularity=month&metric=billed");
        for (JsonNode g : monthly.path("results")) {
            String currency = g.path("currency").asString();
            BigDecimal m1 = expected("billed", row -> !row.day().isBefore(from) && YearMonth.from(row.day()).equals(M1), row -> "")
                    .getOrDefault("|" + currency, BigDecimal.ZERO);
            BigDecimal m2 = expected("billed", row -> row.day().isBefore(M2.atDay(20)) && YearMonth.from(row.day()).equals(M2), row -> "")
                    .getOrDefault("|" + currency, BigDecimal.ZERO);
            assertThat(new BigDecimal(g.path("series").get(0).path("cost").asString())).isEqualByComparingTo(m1);
            assertThat(new BigDecimal(g.path("series").get(1).path("cost").asString())).isEqualByComparingTo(m2);
        }
    }

    @Test
    void twoCurrenciesAreNeverAdded() {
        JsonNode answer = get("?" + range() + "&group_by=provider");
        assertExact(actual(answer), expected("effective", row -> true, Row::provider));
        assertThat(actual(answer).keySet()).as("Microsoft bills in two currencies: two results")
                .contains("Microsoft|EUR", "Microsoft|USD");
        assertThat(values(answer.path("totals"), "currency")).containsExactly("EUR", "USD");
    }

    @Test
    void groupingByTagPutsRowsWithoutTheKeyInUntagged() {
        JsonNode answer = get("?" + range() + "&group_by=tag&tag_key=team&metric=billed");
        assertExact(actual(answer), expected("billed", row -> true, row -> row.tags().getOrDefault("team", "untagged")));
        JsonNode narrowed = get("?" + range() + "&group_by=tag&tag_key=env&region=eu-west-1");
        assertExact(actual(narrowed), expected("effective", row -> row.region().equals("eu-west-1"),
                row -> row.tags().getOrDefault("env", "untagged")));
    }

    @Test
    void dailyAndMonthlySeriesHaveAPointForEveryPeriod() {
        JsonNode daily = get("?from=" + M2.atDay(1) + "&to=" + M2.plusMonths(1).atDay(1) + "&granularity=day&group_by=service");
        for (JsonNode g : daily.path("results")) {
            assertThat(g.path("series")).hasSize(M2.lengthOfMonth());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode p : g.path("series")) {
                sum = sum.add(new BigDecimal(p.path("cost").asString()));
            }
            assertThat(sum).isEqualByComparingTo(g.path("cost").asString());
        }
        LocalDate day = rows.get(rows.size() - 1).day();
        Map<String, BigDecimal> thatDay = expected("effective", row -> row.day().equals(day), Row::service);
        for (JsonNode g : daily.path("results")) {
            JsonNode point = g.path("series").get(day.getDayOfMonth() - 1);
            assertThat(point.path("period").asString()).isEqualTo(day.toString());
            BigDecimal want = thatDay.getOrDefault(g.path("key").asString() + "|" + g.path("currency").asString(), BigDecimal.ZERO);
            assertThat(new BigDecimal(point.path("cost").asString())).isEqualByComparingTo(want);
        }
        JsonNode monthly = get("?" + range() + "&granularity=month");
        assertThat(values(monthly.path("results").get(0).path("series"), "period"))
                .containsExactly(M1.atDay(1).toString(), M2.atDay(1).toString());
        assertThat(monthly.path("results").get(0).path("key").asString()).isEqualTo("total");
    }

    @Test
    void limitKeepsTheTopGroupsPerCurrencyAndSumsTheRestAsOther() {
        JsonNode answer = get("?" + range() + "&group_by=resource&limit=3&metric=billed");
        Map<String, BigDecimal> all = expected("billed", row -> true, Row::resource);
        for (String currency : List.of("USD", "EUR")) {
            List<Map.Entry<String, BigDecimal>> ranked = ranked(all, currency);
            List<JsonNode> groups = groupsIn(answer, currency);
            assertThat(groups).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(groups.get(i).path("key").asString() + "|" + currency).isEqualTo(ranked.get(i).getKey());
            }
            BigDecimal rest = ranked.stream().skip(3).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(groups.get(3).path("key").asString()).isEqualTo("other");
            assertThat(new BigDecimal(groups.get(3).path("cost").asString())).isEqualByComparingTo(rest);
            BigDecimal total = ranked.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            JsonNode currencyTotal = null;
            for (JsonNode t : answer.path("totals")) {
                if (t.path("currency").asString().equals(currency)) {
                    currencyTotal = t;
                }
            }
            assertThat(currencyTotal).as("a total for " + currency).isNotNull();
            assertThat(new BigDecimal(currencyTotal.path("cost").asString())).as("the total counts the folded groups too")
                    .isEqualByComparingTo(total);
        }
        // Day by day, the folded rest still adds up to the same "other".
        JsonNode daily = get("?" + range() + "&group_by=resource&limit=3&metric=billed&granularity=day");
        for (JsonNode g : daily.path("results")) {
            if (g.path("key").asString().equals("other")) {
                BigDecimal series = BigDecimal.ZERO;
                for (JsonNode p : g.path("series")) {
                    series = series.add(new BigDecimal(p.path("cost").asString()));
                }
                assertThat(series).isEqualByComparingTo(new BigDecimal(g.path("cost").asString()));
            }
        }
        assertThat(values(daily.path("results"), "key")).contains("other");
    }

    @Test
    void filtersNarrowEveryQuery() {
        String aws = sourceIds.get("aws");
        assertExact(actual(get("?" + range() + "&group_by=service&provider=microsoft")),
                expected("effective", row -> row.provider().equals("Microsoft"), Row::service));
        assertExact(actual(get("?" + range() + "&group_by=sub_account&provider=Oracle&granularity=day")),
                expected("effective", row -> row.provider().equals("Oracle"), Row::subAccount));
        assertExact(actual(get("?" + range() + "&group_by=service&publisher=acme%20marketplace%20seller")),
                expected("effective", row -> row.publisher().equals("Acme Marketplace Seller"), Row::service));
        assertExact(actual(get("?" + range() + "&group_by=provider&invoice_issuer=Contoso%20Partner")),
                expected("effective", row -> row.issuer().equals("Contoso Partner"), Row::provider));
        assertExact(actual(get("?" + range() + "&group_by=tag&tag_key=team&provider=oracle")),
                expected("effective", row -> row.provider().equals("Oracle"), row -> row.tags().getOrDefault("team", "untagged")));
        assertExact(actual(get("?" + range() + "&group_by=resource&provider=AWS&tag=team:web")),
                expected("effective", row -> row.provider().equals("AWS") && "web".equals(row.tags().get("team")),
                        Row::resource));
        assertExact(actual(get("?" + range() + "&group_by=region&service=Storage&sub_account=acct-2")),
                expected("effective", row -> row.service().equals("Storage") && row.subAccount().equals("acct-2"), Row::region));
        assertExact(actual(get("?" + range() + "&source_id=" + aws)),
                expected("effective", row -> row.source().equals("aws"), row -> "total"));
        assertExact(actual(get("?" + range() + "&group_by=service&tag=team:web&tag=env:prod")),
                expected("effective", row -> "web".equals(row.tags().get("team")) && "prod".equals(row.tags().get("env")),
                        Row::service));
    }

    /** One whole month by resource, unfiltered: the top of each currency from the month's largest resources over both sources, and "other". */
    @Test
    void aMonthsTopResourcesAndOtherPerCurrency() {
        JsonNode answer = get("?from=" + M2.atDay(1) + "&to=" + M2.plusMonths(1).atDay(1) + "&group_by=resource&limit=3&metric=list");
        Map<String, BigDecimal> all = expected("list", row -> YearMonth.from(row.day()).equals(M2), Row::resource);
        for (String currency : List.of("USD", "EUR")) {
            List<Map.Entry<String, BigDecimal>> ranked = ranked(all, currency);
            assertThat(ranked).hasSizeGreaterThan(3);
            List<JsonNode> groups = groupsIn(answer, currency);
            assertThat(groups).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(groups.get(i).path("key").asString() + "|" + currency).isEqualTo(ranked.get(i).getKey());
                assertThat(new BigDecimal(groups.get(i).path("cost").asString())).isEqualByComparingTo(ranked.get(i).getValue());
            }
            BigDecimal rest = ranked.stream().skip(3).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(groups.get(3).path("key").asString()).isEqualTo("other");
            assertThat(new BigDecimal(groups.get(3).path("cost").asString())).isEqualByComparingTo(rest);
        }
    }

    /** Questions that the resource and tag-set rollups answer, and the ones next to them that must read billing rows. */
    @Test
    void resourceAndTagSetQuestionsSumExactlyOnEveryPath() {
        LocalDate mid = M2.atDay(15);
        String whole = "from=" + M1.atDay(1) + "&to=" + M2.plusMonths(1).atDay(1);
        assertExact(actual(get("?" + whole + "&group_by=resource&service=Storage&sub_account=acct-2&metric=list")),
                expected("list", row -> row.service().equals("Storage") && row.subAccount().equals("acct-2"), Row::resource));
        assertExact(actual(get("?from=" + M1.atDay(10) + "&to=" + M2.plusMonths(1).atDay(1) + "&group_by=resource")),
                expected("effective", row -> !row.day().isBefore(M1.atDay(10)), Row::resource));
        JsonNode soFar = get("?from=" + M2.atDay(1) + "&to=" + mid + "&group_by=resource&granularity=month&region=eu-west-1");
        assertExact(actual(soFar), expected("effective", row -> YearMonth.from(row.day()).equals(M2) && row.day().isBefore(mid)
                && row.region().equals("eu-west-1"), Row::resource));
        assertExact(actual(get("?" + whole + "&group_by=tag&tag_key=env&tag=team:web&metric=billed")),
                expected("billed", row -> "web".equals(row.tags().get("team")), row -> row.tags().getOrDefault("env", "untagged")));
        assertExact(actual(get("?from=" + M1.atDay(3) + "&to=" + mid + "&group_by=provider&tag=env:prod&granularity=day")),
                expected("effective", row -> "prod".equals(row.tags().get("env")) && !row.day().isBefore(M1.atDay(3))
                        && row.day().isBefore(mid), Row::provider));
        assertExact(actual(get("?" + whole + "&group_by=source&tag=team:ml&tag=env:dev&invoice_issuer=microsoft")),
                expected("effective", row -> "ml".equals(row.tags().get("team")) && "dev".equals(row.tags().get("env"))
                        && row.issuer().equals("Microsoft"), row -> sourceIds.get(row.source())));
        assertExact(actual(get("?" + whole + "&group_by=sub_account&tag=team:data&metric=contracted")),
                expected("contracted", row -> "data".equals(row.tags().get("team")), Row::subAccount));
        assertExact(actual(get("?" + whole + "&group_by=service&tag=team:data&region=us-east-1")),
                expected("effective", row -> "data".equals(row.tags().get("team")) && row.region().equals("us-east-1"),
                        Row::service));
    }

    @Test
    void anEmptyRangeHasNoResults() {
        JsonNode answer = get("?from=2001-01-01&to=2001-02-01&group_by=service");
        assertThat(answer.path("results")).isEmpty();
        assertThat(answer.path("totals")).isEmpty();
        assertThat(answer.path("from").asString()).isEqualTo("2001-01-01");
    }

    @Test
    void tagKeysByHowOftenTheyOccur() {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals/tag-keys?" + range());
        assertThat(response.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        response.body().path("tag_keys").forEach(k -> keys.add(k.asString()));
        assertThat(keys).containsExactly("team", "env");
    }

    @Test
    void summaryComparesMonthsAndListsLoadedPeriods() {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals/summary?metric=billed");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode s = response.body();
        Map<String, BigDecimal> lastMonth = expected("billed", row -> YearMonth.from(row.day()).equals(M2), row -> "");
        for (JsonNode t : s.path("previous_month").path("totals")) {
            assertThat(new BigDecimal(t.path("cost").asString())).isEqualByComparingTo(lastMonth.get("|" + t.path("currency").asString()));
        }
        assertThat(s.path("previous_month").path("from").asString()).isEqualTo(M2.atDay(1).toString());
        assertThat(s.path("month_to_date").path("totals")).isEmpty();
        assertThat(s.path("sources")).hasSize(2);
        assertThat(values(s.path("sources").get(0).path("periods"), "billing_period"))
                .contains(M2.atDay(1).toString(), M1.atDay(1).toString());
        assertThat(s.path("sources").get(0).path("periods").get(0).path("rows").asLong()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "?metric=gross                       | metric: 'gross' is not one of billed, effective, list, contracted",
            "?group_by=team                      | group_by: 'team' is not one of",
            "?group_by=tag                       | tag_key is required with group_by=tag",
            "?granularity=week                   | granularity: 'week' is not one of total, day, month",
            "?from=2026-13-01                    | from: '2026-13-01' is not a date",
            "?from=2026-02-01&to=2026-01-01      | must be before to",
            "?tag=team                           | tag: 'team' is not of the form KEY:VALUE",
            "?limit=0                            | limit: '0' is not a number from 1 to 1000",
            "?source_id=abc                      | source_id: 'abc' is not a UUID",
            "?from=2020-01-01&to=2021-06-01&granularity=day | granularity=day covers at most 400 days"})
    void badParametersAre400SayingWhich(String query, String message) {
        var response = api.get(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/costs/actuals" + query.trim());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("id")).isEqualTo("INVALID_PARAMETER");
        assertThat(response.text("data")).contains(message.trim());
    }

    @Test
    void membersReadOtherTenantsDoNot() {
        var member = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "m", "role", "member")).text("key");
        assertThat(api.get(member, "/api/v1/tenants/" + tenant + "/costs/actuals?" + range()).status()).isEqualTo(200);
        String other = newTenant();
        var otherAdmin = api.post(ADMIN_KEY, "/api/v1/tenants/" + other + "/api-keys", Map.of("name", "a", "role", "admin")).text("key");
        for (String path : List.of("", "/tag-keys", "/summary")) {
            var refused = api.get(otherAdmin, "/api/v1/tenants/" + tenant + "/costs/actuals" + path);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("id")).isEqualTo("FORBIDDEN");
        }
        assertThat(api.get(null, "/api/v1/tenants/" + tenant + "/costs/actuals").status()).isEqualTo(401);
        assertThat(get("?" + range() + "&source_id=" + sourceIds.get("aws")).path("results")).isNotEmpty();
        JsonNode otherAnswer = api.get(otherAdmin, "/api/v1/tenants/" + other + "/costs/actuals?" + range()).body();
        assertThat(otherAnswer.path("results")).as("another tenant sees none of these rows").isEmpty();
    }
}
