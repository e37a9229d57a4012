package com.stategraph.billing.demo;

import com.stategraph.billing.StategraphServer;
import com.stategraph.billing.auth.ApiKeySecrets;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.Role;
import com.stategraph.billing.auth.UserRepository;
import com.stategraph.billing.auth.TenantRepository;
import com.stategraph.billing.costs.ActualsRepository;
import com.stategraph.billing.estimates.EstimateCalculator;
import com.stategraph.billing.estimates.Snapshot;
import com.stategraph.billing.pricing.PricingService;
import com.stategraph.billing.states.StateService;
import com.stategraph.billing.states.TerraformState;
import com.stategraph.billing.source.BillingSource;
import com.stategraph.billing.source.BillingSourceService;
import com.stategraph.billing.sync.SyncQueue;
import com.stategraph.billing.sync.SyncRun;
import com.stategraph.billing.sync.SyncRunRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code stategraph demo}: the server on the embedded default with file sources allowed, a
 * {@code demo} tenant, a three-cloud sample export written into the data dir and added as billing
 * sources, synced, summarised; then it keeps serving. Running it again reuses all of it.
 */
public final class Demo {
    static final String TENANT = "demo";
    static final String CONSOLE_EMAIL = "demo@stategraph.local";
    static final String EXPORT_DIR = "demo-export";

    private final ConfigurableApplicationContext context;
    private final PrintStream out;

    public Demo(ConfigurableApplicationContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    public static ConfigurableApplicationContext start(Integer port, Path dataDir, String... springArgs) throws IOException {
        // The demo's sources read its sample export alone: the root is that directory, shared by its one tenant.
        String[] args = new String[springArgs.length + 3];
        args[0] = "--stategraph.allow-file-sources=true";
        args[1] = "--stategraph.file-source-root=${stategraph.data-dir}/" + EXPORT_DIR;
        args[2] = "--stategraph.file-source-per-tenant=false";
        System.arraycopy(springArgs, 0, args, 3, springArgs.length);
        ConfigurableApplicationContext context = StategraphServer.start(port, dataDir, args);
        new Demo(context, System.out).prepare();
        return context;
    }

    /** Creates or reuses the tenant, writes the sample export, adds and syncs its sources, prints a summary. */
    public void prepare() throws IOException {
        Path dataDir = Path.of(context.getEnvironment().getRequiredProperty("stategraph.data-dir"));
        LocalDate today = LocalDate.ofInstant(context.getBean(java.time.Clock.class).instant(), ZoneOffset.UTC);
        Map<String, String> uris = SampleExport.write(dataDir.resolve(EXPORT_DIR), today);
        UUID tenant = tenant();
        Caller caller = Caller.user(null, "demo", null, true);
        context.getBean(com.stategraph.billing.currency.ExchangeRates.class).setSamples(caller, "EUR", "USD", SampleExport.eurUsd(today));
        BillingSourceService sources = context.getBean(BillingSourceService.class);
        List<BillingSource> existing = sources.list(tenant);
        List<BillingSource> demoSources = new ArrayList<>();
        uris.forEach((provider, uri) -> demoSources.add(existing.stream()
                .filter(s -> s.provider().equals(provider) && s.sourceUri().equals(uri))
                .findFirst()
                .orElseGet(() -> sources.create(caller, tenant, new BillingSourceService.NewSource(provider, uri,
                        provider.equals("aws") ? "us-east-1" : null, SampleExport.MONTHS, true)))));
        String consoleLogin = consoleUser(tenant, dataDir);
        for (BillingSource source : demoSources) {
            SyncRun run = sync(tenant, source.id());
            if (!run.status().equals("ok")) {
                throw new IllegalStateException("the demo sync of " + source.sourceUri() + " failed: " + run.error());
            }
        }
        Snapshot estimate = estimate(tenant, caller);
        summarise(tenant, dataDir, consoleLogin, estimate);
    }

    /**
     * The demo state, priced: from the demo's price book where the server has no other (a real
     * book, loaded by the operator, is never replaced by the demo's).
     */
    private Snapshot estimate(UUID tenant, Caller caller) {
        PricingService pricing = context.getBean(PricingService.class);
        ObjectMapper json = context.getBean(ObjectMapper.class);
        String source = pricing.source();
        if (source == null || source.equals(DemoPriceBook.SOURCE)) {
            pricing.load(new ByteArrayInputStream(DemoPriceBook.csv(json).getBytes(StandardCharsets.UTF_8)), DemoPriceBook.SOURCE);
        }
        StateService states = context.getBean(StateService.class);
        TerraformState state = states.push(caller, tenant, DemoState.NAME,
                new ByteArrayInputStream(DemoState.json(json).getBytes(StandardCharsets.UTF_8)), "upload", true).state();
        return context.getBean(EstimateCalculator.class).calculate(state.id(), false).orElseThrow();
    }

    /**
     * A console user for the demo tenant, created once. Its password is generated, stored only as a
     * bcrypt hash, and handed over in a file readable by the owner alone.
     */
    private String consoleUser(UUID tenant, Path dataDir) throws IOException {
        UserRepository users = context.getBean(UserRepository.class);
        Path passwordFile = dataDir.resolve("demo-console-password");
        if (users.findByEmail(CONSOLE_EMAIL).isEmpty()) {
            String password = ApiKeySecrets.generate().substring(4, 24);
            UUID id = users.insert(CONSOLE_EMAIL, "Demo Admin", context.getBean(PasswordEncoder.class).encode(password), false);
            users.addMember(tenant, id, Role.ADMIN);
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n");
        }
        return CONSOLE_EMAIL + " with the password in " + passwordFile;
    }

    private UUID tenant() {
        TenantRepository tenants = context.getBean(TenantRepository.class);
        return tenants.listAll().stream()
                .filter(t -> t.name().equals(TENANT))
                .findFirst()
                .or(() -> tenants.insert(TENANT))
                .orElseThrow()
                .id();
    }

    private SyncRun sync(UUID tenant, UUID sourceId) {
        SyncQueue queue = context.getBean(SyncQueue.class);
        SyncRunRepository runs = context.getBean(SyncRunRepository.class);
        SyncRun requested = context.getBean(TransactionTemplate.class)
                .execute(s -> queue.request(tenant, sourceId, "manual", null, "demo", false));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            SyncRun run = runs.find(tenant, sourceId, requested.id()).orElseThrow();
            if (run.status().equals("ok") || run.status().equals("error")) {
                return run;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the demo sync of source " + sourceId + " did not finish within 5 minutes");
    }

    private void summarise(UUID tenant, Path dataDir, String consoleLogin, Snapshot estimate) {
        List<ActualsRepository.Loaded> lines = context.getBean(ActualsRepository.class).loadedByCloud(tenant);
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        String base = "http://localhost:" + port;
        out.println();
        out.println("Demo ready: tenant 'demo' (" + tenant + "), " + lines.stream().mapToLong(ActualsRepository.Loaded::rows).sum()
                + " billing rows from " + SampleExport.MONTHS + " months of sample exports");
        out.printf("  %-8s %-8s %10s %20s%n", "PROVIDER", "CURRENCY", "ROWS", "BILLED COST");
        for (ActualsRepository.Loaded l : lines) {
            out.printf("  %-8s %-8s %,10d %20s%n", l.cloud(), l.currency(), l.rows(),
                    com.stategraph.billing.console.Money.format(l.billed().toPlainString(), l.currency()));
        }
        out.println();
        out.println("Estimate: state " + DemoState.NAME + " (" + estimate.stateId() + "), " + estimate.resourceCount()
                + " resources, " + com.stategraph.billing.console.Money.format(estimate.monthlyCost().toPlainString(), "USD")
                + " a month at list price, " + estimate.coveragePercent().toPlainString() + " % of its resources priced");
        out.println();
        out.println("Console:  " + base + "/   sign in as " + consoleLogin);
        out.println("Server:   " + base + "   (API description: " + base + "/api/openapi.json)");
        Path keyFile = dataDir.resolve("bootstrap-api-key");
        String key = Files.exists(keyFile) ? "$(cat " + keyFile + ")" : "<the key in STATEGRAPH_BOOTSTRAP_API_KEY>";
        out.println("Try:      STATEGRAPH_API_BASE=" + base + " STATEGRAPH_API_KEY=" + key
                + " bin/stategraph cost billing-source list --tenant " + tenant);
        out.println("          ... bin/stategraph cost estimate --state " + estimate.stateId());
        out.println("Stop with Ctrl-C.");
    }
}
