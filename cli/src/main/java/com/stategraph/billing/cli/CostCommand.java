package com.stategraph.billing.cli;

import picocli.CommandLine.Command;

@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Cloud billing and estimates: billing sources, spend, and list-price estimates of Terraform states.",
        subcommands = {BillingSourceCommand.class, ActualsCommand.class, ActualsCommand.TagKeys.class, EstimateCommand.class,
                EstimateCommand.Tenant.class, AttributionCommand.class, AttributionCommand.Unmanaged.class, TagCoverageCommand.class, InvoicesCommand.class, InvoicesCommand.Commitments.class, InvoicesCommand.Savings.class, InvoicesCommand.Coverage.class, AnomaliesCommand.class, BudgetCommand.class, ForecastCommand.class,
                CompareCommand.class})
class CostCommand {
}
