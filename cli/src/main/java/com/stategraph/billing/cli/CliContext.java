package com.stategraph.billing.cli;

import java.io.PrintWriter;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What a command needs from outside: the environment, the output streams and the terminal. */
public final class CliContext {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final java.io.InputStream in;
    private final ObjectMapper json = JsonMapper.builder().build();

    public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Terminal terminal) {
        this(env, out, err, terminal, System.in);
    }

    public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Terminal terminal, java.io.InputStream in) {
        this.env = env;
        this.out = new PrintWriter(new PrintableWriter(out), true);
        this.err = new PrintWriter(new PrintableWriter(err), true);
        this.terminal = terminal;
        this.in = in;
    }

    /** Standard input, for a FILE argument of "-". */
    public java.io.InputStream in() {
        return in;
    }

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Terminal terminal() {
        return terminal;
    }

    public ObjectMapper json() {
        return json;
    }

    public ApiClient api() {
        String base = env("STATEGRAPH_API_BASE");
        return new ApiClient(json, base == null ? "http://localhost:8080" : base, env("STATEGRAPH_API_KEY"));
    }

    public void printJson(Object value) {
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }
}
