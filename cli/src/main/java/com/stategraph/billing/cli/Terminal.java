package com.stategraph.billing.cli;

import java.io.Console;

/** The interactive terminal, if there is one: confirmations and passwords are only ever read from it. */
public interface Terminal {

    /** @return the line typed, or null when there is no terminal to ask on */
    String readLine(String prompt);

    /** @return the password typed, without echo, or null when there is no terminal */
    char[] readPassword(String prompt);

    static Terminal system() {
        return new Terminal() {
            @Override
            public String readLine(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }
        };
    }
}
