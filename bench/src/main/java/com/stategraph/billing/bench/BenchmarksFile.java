package com.stategraph.billing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md is written by more than one benchmark: each owns a section between
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->} and replaces only that.
 */
final class BenchmarksFile {
    static final Path FILE = Path.of("docs/benchmarks.md");

    private BenchmarksFile() {
    }

    static void replaceSection(String name, String markdown) throws IOException {
        String begin = "<!-- bench:" + name + " -->\n";
        String end = "<!-- /bench:" + name + " -->\n";
        String text = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmarks\n\n";
        String section = begin + markdown.strip() + "\n" + end;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.writeString(FILE, text);
    }
}
