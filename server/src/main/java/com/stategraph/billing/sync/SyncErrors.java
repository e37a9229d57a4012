package com.stategraph.billing.sync;

import com.stategraph.billing.db.DatabaseOutage;
import com.stategraph.billing.format.FormatException;
import com.stategraph.billing.load.BillingLoad;
import java.sql.SQLException;

/**
 * What a person reads in {@code last_error}: one line they can act on, naming the file, row and
 * column where we know them. Cloud SDKs explain a missing credential in a page of text; that page
 * goes to the server log (with the stack trace), the run gets the sentence that matters.
 */
public final class SyncErrors {
    static final int MAX_LENGTH = 600;
    static final String NO_AWS_CREDENTIALS = "no AWS credentials found: set AWS_PROFILE,"
            + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run on an instance role (or EKS pod identity)";
    static final String NO_AZURE_CREDENTIALS = "no Azure credentials found: set AZURE_STORAGE_CONNECTION_STRING or"
            + " AZURE_STORAGE_KEY, sign in with az login, or run with a managed or workload identity";
    static final String NO_GOOGLE_CREDENTIALS = "no Google credentials found: set GOOGLE_APPLICATION_CREDENTIALS,"
            + " run gcloud auth application-default login, or run with a service account or workload identity";

    private SyncErrors() {
    }

    /**
     * As {@link #describe(Throwable)}, for a sync that started at {@code started}: a database failure is told as a full
     * disk when a full disk stopped the embedded database since.
     */
    public static String describe(Throwable e, java.time.Instant started) {
        if (databaseFailed(e) && DatabaseOutage.diskFullSince(started)) {
            return DatabaseOutage.DISK_FULL;
        }
        return describe(e);
    }

    public static String describe(Throwable e) {
        if (diskFull(e)) {
            return DatabaseOutage.DISK_FULL;
        }
        if (e instanceof StackOverflowError) {
            return "the sync failed: a value nests too deeply to read (StackOverflowError); nothing was changed";
        }
        String credentials = missingCredentials(e);
        if (credentials != null) {
            return credentials;
        }
        if (e instanceof OutOfMemoryError) {
            return "the sync ran out of memory (" + oneLine(String.valueOf(e.getMessage())) + "): give the server a larger"
                    + " heap (-Xmx in STATEGRAPH_JAVA_OPTS); nothing was changed";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // Our own exceptions (format, manifest, storage, load) already say what and where; an SDK's may be long.
        return oneLine(message);
    }

    /** A problem in the export itself, fully told by its message: the log needs no stack trace for it. */
    static boolean aboutTheData(Throwable e) {
        return e instanceof FormatException || e instanceof NothingToLoadException || e instanceof SyncTimeoutException
                || e instanceof ExportManifests.ManifestException || e instanceof BillingLoad.LoadException;
    }

    /** PostgreSQL could not extend a file (SQLSTATE 53100, or its own words) anywhere in the chain. */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && "53100".equals(s.getSQLState())
                    || String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database failed the sync in any way (a lost or closed connection, a rollback that could not be sent): after the
     * embedded database stopped under a sync, that is what the sync sees, whichever call it was in.
     */
    static boolean databaseFailed(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof org.springframework.transaction.TransactionException) {
                return true;
            }
        }
        return false;
    }

    /** A missing cloud credential anywhere in the chain, as the hint that fixes it; null if that is not the problem. */
    private static String missingCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            String text = String.valueOf(t.getMessage());
            if (type.startsWith("software.amazon.awssdk") && text.contains("Unable to load credentials")) {
                return NO_AWS_CREDENTIALS;
            }
            if (type.equals("com.azure.core.exception.ClientAuthenticationException")
                    || type.equals("com.azure.identity.CredentialUnavailableException")) {
                return NO_AZURE_CREDENTIALS;
            }
            if (text.contains("Application Default Credentials") || text.contains("default credentials were not found")) {
                return NO_GOOGLE_CREDENTIALS;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The first line, at most {@link #MAX_LENGTH} characters: the rest is in the server log. */
    static String oneLine(String message) {
        String line = message.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl).strip();
        }
        if (line.length() > MAX_LENGTH) {
            line = line.substring(0, MAX_LENGTH - 40).strip() + "... (the rest is in the server log)";
        }
        return line;
    }
}
