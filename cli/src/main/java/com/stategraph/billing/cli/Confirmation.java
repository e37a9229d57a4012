package com.stategraph.billing.cli;

/** Asks before something that cannot be undone, Terraform-style: only {@code yes} proceeds; no terminal cancels. */
final class Confirmation {
    private Confirmation() {
    }

    /** @throws Main.Cancelled unless the user typed {@code yes}; {@code declined} says what was not done */
    static void require(CliContext context, String question, String declined) {
        String answer = context.terminal().readLine(question + "\n  Only 'yes' will be accepted to confirm.\n\n  Enter a value: ");
        if (answer == null) {
            throw new Main.Cancelled("Cancelled: no terminal to confirm on; pass --auto-approve to remove without asking");
        }
        if (!"yes".equals(answer.trim())) {
            throw new Main.Cancelled("Cancelled: " + declined);
        }
    }
}
