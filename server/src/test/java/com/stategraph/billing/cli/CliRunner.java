package com.stategraph.billing.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in this JVM against a server, with its own environment, output and terminal. */
final class CliRunner {
    record Result(int exit, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();
    private Terminal terminal = noTerminal();
    private byte[] stdin = new byte[0];

    CliRunner(String apiBase, String key) {
        env.put("STATEGRAPH_API_BASE", apiBase);
        if (key != null) {
            env.put("STATEGRAPH_API_KEY", key);
        }
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner stdin(String text) {
        this.stdin = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    CliRunner terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new CliContext(Map.copyOf(env), new PrintWriter(out, true), new PrintWriter(err, true), terminal,
                new java.io.ByteArrayInputStream(stdin)), args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Terminal noTerminal() {
        return answering(null);
    }

    /** A terminal where the user types {@code answer} at every prompt. */
    static Terminal answering(String answer) {
        return new Terminal() {
            @Override
            public String readLine(String prompt) {
                return answer;
            }

            @Override
            public char[] readPassword(String prompt) {
                return answer == null ? null : answer.toCharArray();
            }
        };
    }
}
