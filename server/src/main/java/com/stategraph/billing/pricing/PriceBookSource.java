package com.stategraph.billing.pricing;

import com.stategraph.billing.storage.LocalFileStore;
import com.stategraph.billing.storage.Location;
import com.stategraph.billing.storage.ObjectStore;
import com.stategraph.billing.storage.ObjectStores;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Where the operator keeps the price book (STATEGRAPH_PRICING_SOURCE): {@code https://} or any
 * store billing sources read. A {@code file://} path is the operator's own, so it is read even
 * where tenants may not name files.
 */
final class PriceBookSource {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final ObjectStores stores;

    PriceBookSource(ObjectStores stores) {
        this.stores = stores;
    }

    /** The dump as a stream; closing it releases the store's client. */
    InputStream open(String uri) throws IOException {
        if (uri.startsWith("https://") || uri.startsWith("http://")) {
            try {
                HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException(uri + " answered HTTP " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
        }
        Location location = Location.parse(uri);
        ObjectStore store = location.scheme() == Location.Scheme.FILE ? new LocalFileStore(java.nio.file.Path.of("/")) : stores.open(location, null, null);
        return new FilterInputStream(store.open(location, location.path())) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    store.close();
                }
            }
        };
    }
}
