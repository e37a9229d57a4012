package com.stategraph.billing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stategraph server [--port N] [--data-dir DIR]}: the API server on the configured or embedded PostgreSQL. */
@SpringBootApplication
@Command(name = "stategraph server", mixinStandardHelpOptions = true,
        versionProvider = StategraphServer.Version.class,
        description = "Start the Stategraph Cloud Billing server.")
public class StategraphServer implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (env STATEGRAPH_PORT, default 8080)")
    Integer port;

    @Option(names = "--data-dir", description = "Data directory (env STATEGRAPH_DATA_DIR, default ~/.stategraph)")
    Path dataDir;

    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[A-Za-z0-9-]+(\\.[A-Za-z0-9\\[\\]-]+)+=.*");

    public static void main(String[] args) throws Exception {
        boolean demo = args.length > 0 && args[0].equals("demo");
        if (demo) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        StategraphServer command = new StategraphServer();
        CommandLine cli = new CommandLine(command);
        if (demo) {
            cli.getCommandSpec().name("stategraph demo");
            cli.getCommandSpec().usageMessage().description("Start the server on the embedded PostgreSQL with a demo tenant: a"
                    + " sample export of three clouds synced, a Terraform state priced, a console user; running it again is safe.");
        }
        cli.setUnmatchedArgumentsAllowed(true); // passes --spring.property=value through to Spring
        int exit = cli.execute(args);
        if (exit != 0 || cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            System.exit(exit);
        }
        for (String extra : cli.getUnmatchedArguments()) {
            if (!SPRING_PROPERTY.matcher(extra).matches()) {
                System.err.println("Unknown option: '" + extra + "' (server options are --port and --data-dir;"
                        + " Spring properties are passed as --name.part=value)");
                System.exit(124);
            }
        }
        String[] springArgs = cli.getUnmatchedArguments().toArray(String[]::new);
        if (demo) {
            com.stategraph.billing.demo.Demo.start(command.port, command.dataDir, springArgs);
        } else {
            start(command.port, command.dataDir, springArgs);
        }
    }

    @Override
    public Integer call() {
        return 0;
    }

    public static ConfigurableApplicationContext start(Integer port, Path dataDir, String... args) {
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port);
        }
        if (dataDir != null) {
            overrides.put("stategraph.data-dir", dataDir.toAbsolutePath().toString());
        }
        SpringApplication app = new SpringApplication(StategraphServer.class);
        app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("stategraph-command-line", overrides)));
        return app.run(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StategraphServer.class.getPackage().getImplementationVersion();
            return new String[] {"stategraph server " + (version == null ? "(development build)" : version)};
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
