package com.stategraph.billing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stategraph server [--port N] [--data-dir DIR]}: the API server on the configured or embedded PostgreSQL. */
@SpringBootApplication
@Command(name = "stategraph server", mixinStandardHelpOptions = true,
        description = "Start the Stategraph Cloud Billing server.")
public class StategraphServer implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (env STATEGRAPH_PORT, default 8080)")
    Integer port;

    @Option(names = "--data-dir", description = "Data directory (env STATEGRAPH_DATA_DIR, default ~/.stategraph)")
    Path dataDir;

    private String[] springArgs = new String[0];

    public static void main(String[] args) {
        StategraphServer command = new StategraphServer();
        CommandLine cli = new CommandLine(command);
        cli.setUnmatchedArgumentsAllowed(true); // passes --spring.property=value through to Spring
        int exit = cli.execute(args);
        if (exit != 0 || cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            System.exit(exit);
        }
        command.springArgs = cli.getUnmatchedArguments().toArray(String[]::new);
        start(command.port, command.dataDir, command.springArgs);
    }

    @Override
    public Integer call() {
        return 0;
    }

    public static org.springframework.context.ConfigurableApplicationContext start(Integer port, Path dataDir,
                                                                                   String... args) {
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port);
        }
        if (dataDir != null) {
            overrides.put("stategraph.data-dir", dataDir.toAbsolutePath().toString());
        }
        SpringApplication app = new SpringApplication(StategraphServer.class);
        app.setDefaultProperties(Map.of());
        app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                new org.springframework.core.env.MapPropertySource("stategraph-command-line", overrides)));
        return app.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
