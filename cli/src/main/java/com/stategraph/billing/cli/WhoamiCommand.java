package com.stategraph.billing.cli;

import picocli.CommandLine.Command;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show who the API key belongs to.")
class WhoamiCommand extends ApiCommand {
    @Override
    void execute(CliContext context, ApiClient api) {
        context.printJson(api.get("/api/v1/whoami"));
    }
}
