package com.stategraph.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.stategraph.billing.support.HttpApi;
import com.stategraph.billing.support.ServerTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The billing-source API of the seed, over HTTP against the real server and PostgreSQL. */
class BillingSourceApiTest extends ServerTest {
    private static final List<String> FIELDS = List.of("id", "tenant_id", "provider", "source_uri", "region",
            "window_months", "enabled", "created_at", "updated_at", "last_status", "last_error", "last_synced_at",
            "last_row_count");

    private String sources(String tenant) {
        return "/api/v1/tenants/" + tenant + "/billing-sources";
    }

    @Test
    void createAppliesDefaultsAndAnswersEveryField() {
        String tenant = newTenant();
        var created = createSource(ADMIN_KEY, tenant, Map.of("provider", "gcp", "source_uri", "gs://billing-bkt/focus/**/*.parquet"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(created.text("tenant_id")).isEqualTo(tenant);
        assertThat(created.text("provider")).isEqualTo("gcp");
        assertThat(created.text("source_uri")).isEqualTo("gs://billing-bkt/focus/**/*.parquet");
        assertThat(created.body().path("window_months").asInt()).isEqualTo(2);
        assertThat(created.body().path("enabled").asBoolean()).isTrue();
        assertThat(created.body().path("region").isNull()).isTrue();
        for (String field : List.of("last_status", "last_error", "last_synced_at", "last_row_count")) {
            assertThat(created.body().path(field).isNull()).as(field).isTrue();
        }
        assertThat(created.text("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.text("updated_at")).isEqualTo(created.text("created_at"));

        var list = api.get(ADMIN_KEY, sources(tenant));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("results")).hasSize(1);
        assertThat(list.body().path("results").get(0).path("id").asString()).isEqualTo(created.text("id"));
    }

    @Test
    void createTakesEveryOption() {
        String tenant = newTenant();
        var created = createSource(ADMIN_KEY, tenant, Map.of("provider", "azure",
                "source_uri", "abfss://exports@acmebilling.dfs.core.windows.net/focus/**/*.csv.gz",
                "window_months", 6, "enabled", false));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("window_months").asInt()).isEqualTo(6);
        assertThat(created.body().path("enabled").asBoolean()).isFalse();

        var aws = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws",
                "source_uri", "s3://my-bucket/focus/data/**/*.parquet", "region", "eu-central-1"));
        assertThat(aws.text("region")).isEqualTo("eu-central-1");
    }

    @Test
    void awsRegionResolvesAmbientlyWhenOmitted() {
        String tenant = newTenant();
        System.setProperty("aws.region", "ap-southeast-2");
        try {
            var created = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws", "source_uri", "s3://ambient/x/*.parquet"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("region")).isEqualTo("ap-southeast-2");
        } finally {
            System.clearProperty("aws.region");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "aws   | s3://bucket/x/*.parquet                                        | ",
            "oracle| s3://bucket/x/*.parquet                                        | INVALID_PROVIDER",
            "aws   | gs://bucket/x/*.parquet                                        | INVALID_SOURCE_URI",
            "gcp   | s3://bucket/x/*.parquet                                        | INVALID_SOURCE_URI",
            "azure | https://acct.blob.core.windows.net/c/x.parquet                 | INVALID_SOURCE_URI",
            "azure | abfss://c@acct.blob.core.windows.net/x.parquet                 | INVALID_SOURCE_URI",
            "azure | abfss://container@acct.dfs.core.windows.net/x/**/*.parquet     | ",
            "aws   | s3://bucket/x/{a,b.parquet                                     | INVALID_SOURCE_URI",
            "aws   | s3://bucket/x/[abc.parquet                                     | INVALID_SOURCE_URI",
            "aws   | s3://bucket/x/a}.parquet                                       | INVALID_SOURCE_URI",
            "aws   | s3://Bad_Bucket!/x.parquet                                     | INVALID_SOURCE_URI",
            "aws   | bucket/x.parquet                                               | INVALID_SOURCE_URI",
            "gcp   | file:///tmp/exports/*.parquet                                  | FILE_SOURCES_DISABLED",
    })
    void sourceUriMustFitTheProvider(String provider, String uri, String expectedError) {
        var response = createSource(ADMIN_KEY, newTenant(), Map.of("provider", provider, "source_uri", uri, "window_months", 3));
        if (expectedError == null) {
            assertThat(response.status()).as(response.raw()).isEqualTo(201);
        } else {
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(response.text("id")).isEqualTo(expectedError);
            assertThat(response.text("data")).isNotBlank();
        }
    }

    @Test
    void missingAndOutOfRangeFieldsSayWhatIsWrong() {
        String tenant = newTenant();
        var noProvider = createSource(ADMIN_KEY, tenant, Map.of("source_uri", "s3://b/x.parquet"));
        assertThat(noProvider.status()).isEqualTo(400);
        assertThat(noProvider.text("data")).contains("provider");

        var noUri = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws"));
        assertThat(noUri.status()).isEqualTo(400);
        assertThat(noUri.text("data")).contains("source_uri");

        for (int months : new int[] {0, 37, -1}) {
            var bad = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws", "source_uri", "s3://bkt/x.parquet", "window_months", months));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text("id")).isEqualTo("INVALID_WINDOW_MONTHS");
        }
        for (int months : new int[] {1, 36}) {
            var ok = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws", "source_uri", "s3://bkt/m" + months + ".parquet", "window_months", months));
            assertThat(ok.status()).isEqualTo(201);
        }

        var badRegion = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws", "source_uri", "s3://bkt/r.parquet", "region", "mars"));
        assertThat(badRegion.text("id")).isEqualTo("INVALID_REGION");
        var regionOnGcp = createSource(ADMIN_KEY, tenant, Map.of("provider", "gcp", "source_uri", "gs://bkt/r.parquet", "region", "us-east-1"));
        assertThat(regionOnGcp.text("id")).isEqualTo("INVALID_REGION");

        var wrongType = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws", "source_uri", "s3://bkt/t.parquet", "window_months", "three"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("data")).contains("window_months");

        var unknownField = createSource(ADMIN_KEY, tenant, Map.of("provider", "aws", "sourceUri", "s3://bkt/t.parquet"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.text("data")).contains("sourceUri");

        var notJson = api.post(ADMIN_KEY, sources(tenant), "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text("id")).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void duplicateProviderAndUriInATenantIs409() {
        String tenant = newTenant();
        Map<String, Object> body = Map.of("provider", "aws", "source_uri", "s3://dup/focus/*.parquet", "region", "us-east-1");
        assertThat(createSource(ADMIN_KEY, tenant, body).status()).isEqualTo(201);
        var dup = createSource(ADMIN_KEY, tenant, body);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.text("id")).isEqualTo("CONFLICT");
        assertThat(createSource(ADMIN_KEY, newTenant(), body).status()).as("another tenant may").isEqualTo(201);
    }

    @Test
    void putChangesOnlyTheFieldsGiven() {
        String tenant = newTenant();
        String id = createAwsSource(tenant, "s3://upd/focus/*.parquet");
        String path = sources(tenant) + "/" + id;
        var before = api.get(ADMIN_KEY, path).body();

        var windowOnly = api.put(ADMIN_KEY, path, Map.of("window_months", 3));
        assertThat(windowOnly.status()).isEqualTo(200);
        assertThat(windowOnly.body().path("window_months").asInt()).isEqualTo(3);
        assertThat(windowOnly.text("source_uri")).isEqualTo(before.path("source_uri").asString());
        assertThat(windowOnly.text("region")).isEqualTo("us-east-1");
        assertThat(windowOnly.body().path("enabled").asBoolean()).isTrue();
        assertThat(windowOnly.text("created_at")).isEqualTo(before.path("created_at").asString());

        var rest = api.put(ADMIN_KEY, path, Map.of("enabled", false, "region", "eu-west-1", "source_uri", "s3://upd/v2/**/*.parquet"));
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().path("enabled").asBoolean()).isFalse();
        assertThat(rest.text("region")).isEqualTo("eu-west-1");
        assertThat(rest.text("source_uri")).isEqualTo("s3://upd/v2/**/*.parquet");
        assertThat(rest.body().path("window_months").asInt()).isEqualTo(3);

        var persisted = api.get(ADMIN_KEY, path).body();
        assertThat(persisted.path("source_uri").asString()).isEqualTo("s3://upd/v2/**/*.parquet");
        assertThat(persisted.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void putValidatesLikeCreate() {
        String tenant = newTenant();
        String id = createAwsSource(tenant, "s3://val/focus/*.parquet");
        String other = createAwsSource(tenant, "s3://val/other/*.parquet");
        String path = sources(tenant) + "/" + id;
        assertThat(api.put(ADMIN_KEY, path, Map.of("window_months", 40)).text("id")).isEqualTo("INVALID_WINDOW_MONTHS");
        assertThat(api.put(ADMIN_KEY, path, Map.of("source_uri", "gs://val/x.parquet")).text("id")).isEqualTo("INVALID_SOURCE_URI");
        assertThat(api.put(ADMIN_KEY, path, Map.of("source_uri", "s3://val/other/*.parquet")).status()).isEqualTo(409);
        assertThat(api.put(ADMIN_KEY, path, Map.of("color", "blue")).status()).isEqualTo(400);
        assertThat(api.get(ADMIN_KEY, path).body().path("window_months").asInt()).as("unchanged after refusals").isEqualTo(2);
        assertThat(api.put(ADMIN_KEY, sources(tenant) + "/" + UUID.randomUUID(), Map.of("window_months", 3)).status()).isEqualTo(404);
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void unknownSourceIs404Everywhere() {
        String tenant = newTenant();
        String missing = sources(tenant) + "/" + UUID.randomUUID();
        assertThat(api.get(ADMIN_KEY, missing).status()).isEqualTo(404);
        assertThat(api.put(ADMIN_KEY, missing, Map.of("enabled", true)).status()).isEqualTo(404);
        assertThat(api.delete(ADMIN_KEY, missing).status()).isEqualTo(404);
        assertThat(api.post(ADMIN_KEY, missing + "/sync", null).status()).isEqualTo(404);
        assertThat(api.get(ADMIN_KEY, sources(tenant) + "/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void membersAndOtherTenantsAdminsGet403OnEveryEndpoint() {
        String tenant = newTenant();
        String id = createAwsSource(tenant, "s3://iso/focus/*.parquet");
        String member = newKey(tenant, "member");
        String otherAdmin = newKey(newTenant(), "admin");
        String path = sources(tenant);
        Map<String, Object> body = Map.of("provider", "aws", "source_uri", "s3://iso/new/*.parquet");
        for (String key : List.of(member, otherAdmin)) {
            List<HttpApi.Response> responses = List.of(
                    api.get(key, path),
                    api.post(key, path, body),
                    api.get(key, path + "/" + id),
                    api.put(key, path + "/" + id, Map.of("enabled", false)),
                    api.post(key, path + "/" + id + "/sync", null),
                    api.get(key, path + "/" + id + "/runs"),
                    api.delete(key, path + "/" + id));
            for (HttpApi.Response r : responses) {
                assertThat(r.status()).as(r.raw()).isEqualTo(403);
                assertThat(r.body().path("id").asString()).isEqualTo("FORBIDDEN");
                assertThat(r.body().path("reasons").get(0).path("kind").asString()).isEqualTo("admin");
                assertThat(r.body().path("reasons").get(0).path("detail").asString()).isEqualTo("admin privileges required");
            }
        }
        var source = api.get(ADMIN_KEY, path + "/" + id);
        assertThat(source.status()).as("still there").isEqualTo(200);
        assertThat(source.body().path("enabled").asBoolean()).isTrue();
        assertThat(api.get(ADMIN_KEY, path).body().path("results")).hasSize(1);
    }

    @Test
    void aTenantAdminKeyManagesItsOwnSources() {
        String tenant = newTenant();
        String admin = newKey(tenant, "admin");
        var created = createSource(admin, tenant, Map.of("provider", "aws", "source_uri", "s3://own/x.parquet", "region", "us-west-2"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get(admin, sources(tenant)).body().path("results")).hasSize(1);
    }

    @Test
    void revokedAdminKeyIs401() {
        String tenant = newTenant();
        var key = api.post(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys", Map.of("name", "gone", "role", "admin"));
        api.delete(ADMIN_KEY, "/api/v1/tenants/" + tenant + "/api-keys/" + key.text("id"));
        assertThat(api.get(key.text("key"), sources(tenant)).status()).isEqualTo(401);
    }

    @Test
    void syncQueuesOneRunAndAnswersTheSameRunWhileItWaits() {
        String tenant = newTenant();
        String id = createAwsSource(tenant, "s3://sync/focus/*.parquet");
        String path = sources(tenant) + "/" + id + "/sync";

        var first = api.post(ADMIN_KEY, path, null);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("status")).isEqualTo("queued");
        assertThat(first.text("trigger")).isEqualTo("manual");
        assertThat(first.text("source_id")).isEqualTo(id);

        var second = api.post(ADMIN_KEY, path, Map.of());
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.text("id")).isEqualTo(first.text("id"));

        var runs = api.get(ADMIN_KEY, sources(tenant) + "/" + id + "/runs");
        assertThat(runs.body().path("results")).hasSize(1);
        assertThat(runs.body().path("results").get(0).path("status").asString()).isEqualTo("queued");
    }

    @Test
    void syncWithAWindowStartIsABackfill() {
        String tenant = newTenant();
        String id = createAwsSource(tenant, "s3://backfill/focus/*.parquet");
        String path = sources(tenant) + "/" + id + "/sync";
        var run = api.post(ADMIN_KEY, path, Map.of("window_start", "2026-01-01"));
        assertThat(run.status()).isEqualTo(202);
        assertThat(run.text("status")).isEqualTo("queued");
        assertThat(run.text("trigger")).isEqualTo("backfill");
        assertThat(run.text("window_start")).isEqualTo("2026-01-01");

        String other = createAwsSource(tenant, "s3://backfill/other/*.parquet");
        String otherPath = sources(tenant) + "/" + other + "/sync";
        var badDate = api.post(ADMIN_KEY, otherPath, Map.of("window_start", "01/02/2026"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("id")).isEqualTo("INVALID_WINDOW_START");
        var future = api.post(ADMIN_KEY, otherPath, Map.of("window_start", LocalDate.now().plusMonths(2).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("data")).contains("future");
    }

    @Test
    void deleteRemovesTheSourceAndOnlyItsBillingRowsInOneGo() {
        String tenant = newTenant();
        String doomed = createAwsSource(tenant, "s3://del/a/*.parquet");
        String kept = createAwsSource(tenant, "s3://del/b/*.parquet");
        insertBillingRows(tenant, doomed, 3);
        insertBillingRows(tenant, kept, 2);

        var response = api.delete(ADMIN_KEY, sources(tenant) + "/" + doomed);
        assertThat(response.status()).isEqualTo(204);
        assertThat(rowCount(doomed)).isZero();
        assertThat(rowCount(kept)).isEqualTo(2);
        assertThat(api.get(ADMIN_KEY, sources(tenant) + "/" + doomed).status()).isEqualTo(404);
        assertThat(api.get(ADMIN_KEY, sources(tenant)).body().path("results")).hasSize(1);
    }

    @Test
    void everyChangeIsAudited() {
        String tenant = newTenant();
        String admin = newKey(tenant, "admin");
        var created = createSource(admin, tenant, Map.of("provider", "aws", "source_uri", "s3://audit/x.parquet", "region", "us-east-1"));
        String id = created.text("id");
        api.put(admin, sources(tenant) + "/" + id, Map.of("window_months", 5));
        api.post(admin, sources(tenant) + "/" + id + "/sync", null);
        api.delete(admin, sources(tenant) + "/" + id);

        var log = api.get(admin, "/api/v1/tenants/" + tenant + "/audit-log");
        assertThat(log.status()).isEqualTo(200);
        var entries = log.body().path("results").valueStream()
                .filter(e -> id.equals(e.path("target_id").asString())).toList();
        assertThat(entries).extracting(e -> e.path("action").asString())
                .containsExactly("billing_source.delete", "billing_source.sync", "billing_source.update", "billing_source.create");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("actor_type").asString()).isEqualTo("api");
            assertThat(e.path("actor_name").asString()).isEqualTo("admin-key");
            assertThat(e.path("at").asString()).isNotBlank();
        });
        var update = entries.get(2).path("detail").path("window_months");
        assertThat(update.path("from").asString()).isEqualTo("2");
        assertThat(update.path("to").asString()).isEqualTo("5");
        assertThat(log.raw()).doesNotContain("sgk_");
        assertThat(api.get(newKey(tenant, "member"), "/api/v1/tenants/" + tenant + "/audit-log").status()).isEqualTo(403);
    }

    private void insertBillingRows(String tenant, String source, int n) {
        UUID load = UUID.randomUUID();
        jdbc.sql("INSERT INTO billing_loads (id, tenant_id, source_id, billing_period, state, row_count)"
                        + " VALUES (?, ?::uuid, ?::uuid, DATE '2026-10-01', 'current', ?)")
                .params(load, tenant, source, n).update();
        // As a sync leaves it: the load's rows in a chunk of a table of its own, attached to billing_chunks,
        // the currency through the tenant's string dictionary.
        String table = "billing_chunks_" + load.toString().replace("-", "");
        jdbc.sql("CREATE TABLE " + table + " (LIKE billing_chunks INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").update();
        jdbc.sql("ALTER TABLE billing_chunks ATTACH PARTITION " + table + " FOR VALUES IN ('" + load + "')").update();
        int usd = jdbc.sql("INSERT INTO billing_strings (tenant_id, digest, value) VALUES (?::uuid, dictionary_digest('USD'), 'USD')"
                + " ON CONFLICT (tenant_id, digest) DO UPDATE SET value = excluded.value RETURNING id").param(tenant)
                .query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO billing_chunks (tenant_id, source_id, load_id, billing_period, chunk, row_count, billed_cost,
                                                    billing_currency, billing_period_start, charge_period_start)
                        VALUES (?::uuid, ?::uuid, ?, DATE '2026-10-01', 0, ?, array_fill(1.25::numeric, ARRAY[?]),
                                array_fill(?, ARRAY[?]), array_fill(TIMESTAMPTZ '2026-10-01', ARRAY[?]),
                                array_fill(TIMESTAMPTZ '2026-10-02', ARRAY[?]))""")
                .params(tenant, source, load, n, n, usd, n, n, n).update();
    }

    private long rowCount(String source) {
        return jdbc.sql("SELECT count(*) FROM billing_rows WHERE source_id = ?::uuid").param(source).query(Long.class).single();
    }
}
