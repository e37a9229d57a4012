package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "data/**/*.parquet      | data/x.parquet                                 | true",
            "data/**/*.parquet      | data/BILLING_PERIOD=2026-10/part-1.parquet      | true",
            "data/**/*.parquet      | data/a/b/c/part.parquet                         | true",
            "data/**/*.parquet      | data/a/b/c/part.csv                             | false",
            "data/**/*.parquet      | other/x.parquet                                 | false",
            "data/*.parquet         | data/a/x.parquet                                | false",
            "data/*.parquet         | data/x.parquet                                  | true",
            "data/part-?.csv        | data/part-1.csv                                 | true",
            "data/part-?.csv        | data/part-10.csv                                | false",
            "data/part-[0-4].csv    | data/part-3.csv                                 | true",
            "data/part-[!0-4].csv   | data/part-3.csv                                 | false",
            "data/part-[!0-4].csv   | data/part-7.csv                                 | true",
            "data/*.{csv,csv.gz}    | data/x.csv.gz                                   | true",
            "data/*.{csv,csv.gz}    | data/x.parquet                                  | false",
            "**                     | a/b/c                                           | true",
            "a.b/x.parquet          | aXb/x.parquet                                   | false",
            "data/\\*.csv           | data/*.csv                                      | true",
            "data/\\*.csv           | data/x.csv                                      | false",
    })
    void matches(String glob, String path, boolean expected) {
        assertThat(Glob.compile(glob).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "data/[abc.csv    | '[' is never closed",
            "data/{a,b.csv    | '{' is never closed",
            "data/a}.csv      | '}' has no matching '{'",
            "data/[a/b].csv   | '/' cannot appear inside",
            "data/x\\         | escapes nothing",
    })
    void malformedGlobsSayWhatAndWhere(String glob, String message) {
        assertThatThrownBy(() -> Glob.compile(glob))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("at character");
    }

    @org.junit.jupiter.api.Test
    void aPatternThatMakesABacktrackingMatcherRunForEverIsMatchedInLinearTime() {
        // With java.util.regex this never returned: every '*' retries every split of the name.
        Glob glob = Glob.compile("exports/" + "*a".repeat(30) + "*b.csv");
        String name = "exports/" + "a".repeat(20_000) + ".csv";
        boolean matched = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> glob.matches(name), "a glob match must not hang a sync thread");
        assertThat(matched).isFalse();
        assertThat(glob.matches("exports/" + "a".repeat(40) + "b.csv")).isTrue();
    }
}
