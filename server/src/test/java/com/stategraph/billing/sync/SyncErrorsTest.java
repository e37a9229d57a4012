package com.stategraph.billing.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.stategraph.billing.storage.StorageException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Cloud SDKs explain a missing credential in a page of text. The run and the console get one
 * sentence a person can act on. The exceptions here are the SDKs' own, raised by their real
 * credential providers with nothing configured (no cloud is reachable from here).
 */
class SyncErrorsTest {

    @Test
    void aMissingAwsCredentialIsOneActionableLine() {
        Throwable sdk = catchThrowable(() -> AwsCredentialsProviderChain.of(
                ProfileCredentialsProvider.create("stategraph-no-such-profile")).resolveCredentials());
        assertThat(sdk).isNotNull();
        // As the S3 store reports it: our message around the SDK's.
        Throwable wrapped = new StorageException("cannot read s3://bucket/focus/: " + sdk.getMessage(), sdk);

        String error = SyncErrors.describe(wrapped);

        assertThat(error).isEqualTo(SyncErrors.NO_AWS_CREDENTIALS)
                .contains("AWS_PROFILE").contains("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY").contains("instance role");
    }

    @Test
    void aMissingAzureCredentialIsOneActionableLine() {
        Throwable sdk = catchThrowable(() -> new EnvironmentCredentialBuilder().build()
                .getTokenSync(new TokenRequestContext().addScopes("https://storage.azure.com/.default")));
        assertThat(sdk).isNotNull();

        assertThat(SyncErrors.describe(new RuntimeException("listing failed", sdk))).isEqualTo(SyncErrors.NO_AZURE_CREDENTIALS);
    }

    @Test
    void longMessagesAreCutToTheirFirstLineAndALimit() {
        String page = "first line says what\n" + "detail ".repeat(500);
        assertThat(SyncErrors.describe(new IllegalStateException(page))).isEqualTo("first line says what");
        String long1 = "x".repeat(5000);
        String cut = SyncErrors.describe(new IllegalStateException(long1));
        assertThat(cut.length()).isLessThanOrEqualTo(SyncErrors.MAX_LENGTH);
        assertThat(cut).endsWith("(the rest is in the server log)");
        assertThat(SyncErrors.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void aDatabaseOutOfDiskSpaceIsToldAsSuchHoweverItIsWrapped() {
        java.sql.SQLException extend = new java.sql.SQLException(
                "ERROR: could not extend file \"base/5/16789\": No space left on device", "53100");
        Throwable wrapped = new org.springframework.dao.DataAccessResourceFailureException("COPY failed",
                new IllegalStateException("load", extend));
        assertThat(SyncErrors.describe(wrapped)).isEqualTo(com.stategraph.billing.db.DatabaseOutage.DISK_FULL);
        assertThat(SyncErrors.describe(new java.io.IOException("write: No space left on device")))
                .isEqualTo(com.stategraph.billing.db.DatabaseOutage.DISK_FULL);
        // A lost connection is only a full disk when the embedded database stopped on one since the sync started.
        Throwable lost = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed", "08003"));
        assertThat(SyncErrors.describe(lost, java.time.Instant.now())).isEqualTo("JDBC rollback failed");
    }
}
