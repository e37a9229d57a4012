package com.stategraph.billing.cli;

/** The server answered with an error, or could not be reached; the CLI exits 1 with this message. */
public class ServerRefusal extends RuntimeException {
    public ServerRefusal(String message) {
        super(message);
    }
}
