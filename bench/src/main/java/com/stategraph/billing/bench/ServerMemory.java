package com.stategraph.billing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How much memory a server process uses, read from outside it: /proc, its Prometheus metrics, jcmd. */
final class ServerMemory {
    static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)", Pattern.MULTILINE);

    private ServerMemory() {
    }

    /** A full collection in the server, so the heap in use right after is what it really holds. */
    static void forceFullGc(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor();
    }

    /** The process's peak resident set so far (VmHWM). */
    static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException ignored) {
            // process gone
        }
        return 0;
    }

    /** The sum of a metric's samples in Prometheus text. */
    static long sum(Pattern metric, String metrics) {
        Matcher m = metric.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }
}
