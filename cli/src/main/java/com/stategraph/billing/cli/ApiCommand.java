package com.stategraph.billing.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that talks to the API; subclasses do one call and print its answer. */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        execute(context(), context().api());
        return 0;
    }

    abstract void execute(CliContext context, ApiClient api);

    CliContext context() {
        return ((StategraphCommand) spec.root().userObject()).context();
    }

    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The tenant from --tenant, else STATEGRAPH_TENANT_ID: an id, or the name of one of the caller's tenants. */
    String tenant(TenantOption option) {
        String tenant = option.tenant != null ? option.tenant : context().env("STATEGRAPH_TENANT_ID");
        if (tenant == null || tenant.isBlank()) {
            throw usageError("Missing --tenant (or set STATEGRAPH_TENANT_ID)");
        }
        String given = tenant.strip();
        if (given.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return given;
        }
        return TenantNames.resolve(context().api(), given);
    }
}
