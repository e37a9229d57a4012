package com.stategraph.billing.pricing;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The price book: what it holds, and loading a new one. */
@Service
public class PricingService {
    private static final Logger log = LoggerFactory.getLogger(PricingService.class);

    private final DataSource dataSource;
    private final PriceBookLoader loader;
    private final PriceBookSource sources;

    private final ApplicationEventPublisher events;

    public PricingService(DataSource dataSource, com.stategraph.billing.storage.ObjectStores stores, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
        this.loader = new PriceBookLoader(dataSource);
        this.sources = new PriceBookSource(stores);
    }

    /** Loads the book the operator keeps at {@code uri} (STATEGRAPH_PRICING_SOURCE). */
    public PriceBook loadFrom(String uri) throws java.io.IOException {
        try (InputStream in = sources.open(uri)) {
            return load(in, uri);
        }
    }

    /** Where the current book came from: "upload", a URI, or null before the first load. */
    public String source() {
        try (Connection c = dataSource.getConnection()) {
            return PriceBookRepository.source(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the price book's state: " + e.getMessage(), e);
        }
    }

    public PriceBook book() {
        try (Connection c = dataSource.getConnection()) {
            return PriceBookRepository.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the price book's state: " + e.getMessage(), e);
        }
    }

    /** Replaces the book by the products of {@code csv}; the old one stays if this one is refused. */
    public PriceBook load(InputStream csv, String source) {
        long start = System.nanoTime();
        PriceBook book = loader.load(csv, source);
        log.info("price book loaded from {}: {} products {} in {} s", source, book.products(), book.byVendor(),
                (System.nanoTime() - start) / 1_000_000_000);
        events.publishEvent(new PriceBookLoaded(book));
        return book;
    }
}
