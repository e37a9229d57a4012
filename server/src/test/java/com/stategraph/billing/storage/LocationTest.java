package com.stategraph.billing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationTest {

    @Test
    void parsesEachScheme() {
        Location s3 = Location.parse("s3://my-bucket/focus/export/data/**/*.parquet");
        assertThat(s3.scheme()).isEqualTo(Location.Scheme.S3);
        assertThat(s3.container()).isEqualTo("my-bucket");
        assertThat(s3.path()).isEqualTo("focus/export/data/**/*.parquet");
        assertThat(s3.fixedPrefix()).isEqualTo("focus/export/data/");

        Location gs = Location.parse("gs://bkt/focus-*.csv");
        assertThat(gs.container()).isEqualTo("bkt");
        assertThat(gs.fixedPrefix()).isEmpty();

        Location abfss = Location.parse("abfss://exports@acmebilling.dfs.core.windows.net/focus/**/*.parquet");
        assertThat(abfss.scheme()).isEqualTo(Location.Scheme.ABFSS);
        assertThat(abfss.container()).isEqualTo("exports");
        assertThat(abfss.account()).isEqualTo("acmebilling");
        assertThat(abfss.fixedPrefix()).isEqualTo("focus/");

        Location file = Location.parse("file:///srv/exports/*.csv.gz");
        assertThat(file.scheme()).isEqualTo(Location.Scheme.FILE);
        assertThat(file.path()).isEqualTo("/srv/exports/*.csv.gz");
        assertThat(file.fixedPrefix()).isEqualTo("/srv/exports/");
    }

    @Test
    void aLiteralPathIsItsOwnPrefix() {
        Location literal = Location.parse("s3://bkt/focus/one-file.parquet");
        assertThat(literal.hasGlob()).isFalse();
        assertThat(literal.fixedPrefix()).isEqualTo("focus/one-file.parquet");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Location.parse("https://x/y")).hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> Location.parse("bucket/x")).hasMessageContaining("no scheme");
        assertThatThrownBy(() -> Location.parse("s3://UPPER/x")).hasMessageContaining("not a valid bucket name");
        assertThatThrownBy(() -> Location.parse("abfss://c@acct.blob.core.windows.net/x"))
                .hasMessageContaining("abfss://container@account.dfs.core.windows.net/path");
        assertThatThrownBy(() -> Location.parse("file://relative/x")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> Location.parse("")).hasMessageContaining("empty");
    }
}
