package com.stategraph.billing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A FILE argument that may be "-" for standard input; streamed, never read whole. */
final class InputFile {
    private InputFile() {
    }

    /** Refuses (exit 124) a file that cannot be read before anything is sent. */
    static void check(ApiCommand command, String file) {
        if (!file.equals("-") && !Files.isReadable(Path.of(file))) {
            throw command.usageError("Cannot read " + file);
        }
    }

    static InputStream open(CliContext context, String file) {
        if (file.equals("-")) {
            return context.in();
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
