package com.stategraph.billing.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code stategraph}: exit 0 ok, 1 refused or failed at the server, 124 bad flags or arguments, 125 internal error. */
public final class Main {
    public static final int REFUSED = 1;
    public static final int BAD_USAGE = 124;
    public static final int INTERNAL = 125;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(new CliContext(System.getenv(), out, err, Terminal.system()), args));
    }

    public static int run(CliContext context, String... args) {
        CommandLine cli = commandLine(context);
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new StategraphCommand(context));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.util.UUID.class, Values::id);
        cli.registerConverter(java.time.LocalDate.class, Values::day);
        cli.registerConverter(java.time.YearMonth.class, Values::month);
        // a mistyped value gets one line saying what is wrong and where to look, not the whole usage
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println(e.getMessage());
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
            return BAD_USAGE;
        });
        applyExitCodes(cli);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadSetting) {
                commandLine.getErr().println(e.getMessage());
                return BAD_USAGE;
            }
            if (e instanceof ServerRefusal || e instanceof Cancelled) {
                commandLine.getErr().println(e.getMessage());
                return REFUSED;
            }
            commandLine.getErr().println("internal error: " + e);
            return INTERNAL;
        });
        return cli;
    }

    private static void applyExitCodes(CommandLine command) {
        command.getCommandSpec().exitCodeOnInvalidInput(BAD_USAGE).exitCodeOnExecutionException(INTERNAL);
        command.getSubcommands().values().forEach(Main::applyExitCodes);
    }

    /** A setting the CLI checks itself before asking the server (STATEGRAPH_API_BASE): exit 124. */
    static final class BadSetting extends RuntimeException {
        BadSetting(String message) {
            super(message);
        }
    }

    /** The user declined a confirmation, or there was no terminal to ask on. */
    static final class Cancelled extends RuntimeException {
        Cancelled(String message) {
            super(message);
        }
    }
}
