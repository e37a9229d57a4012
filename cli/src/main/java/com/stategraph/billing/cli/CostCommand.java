package com.stategraph.billing.cli;

import picocli.CommandLine.Command;

@Command(name = "cost", mixinStandardHelpOptions = true, description = "Cloud billing: billing sources and spend.",
        subcommands = {BillingSourceCommand.class, ActualsCommand.class, ActualsCommand.TagKeys.class})
class CostCommand {
}
