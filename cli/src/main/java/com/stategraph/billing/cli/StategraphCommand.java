package com.stategraph.billing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "stategraph",
        mixinStandardHelpOptions = true,
        versionProvider = StategraphCommand.Version.class,
        description = "Stategraph Cloud Billing: connect FOCUS billing exports and see what you really spend.%n"
                + "Environment: STATEGRAPH_API_BASE (default http://localhost:8080), STATEGRAPH_API_KEY, "
                + "STATEGRAPH_TENANT_ID (default for --tenant).",
        footer = {"%nThe server, from the same launcher:",
                "  server   Start the server (stategraph server --help)",
                "  demo     Start it with a demo tenant and sample data (stategraph demo --help)"},
        subcommands = {
                WhoamiCommand.class,
                TenantCommand.class,
                ApiKeyCommand.class,
                UserCommand.class,
                CostCommand.class,
                ExchangeRateCommand.class,
                StateCommand.class,
                PricingCommand.class
        })
public class StategraphCommand implements Runnable {
    private final CliContext context;

    public StategraphCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = StategraphCommand.class.getResourceAsStream("/stategraph-cli.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"stategraph " + p.getProperty("version", "unknown")};
        }
    }
}
