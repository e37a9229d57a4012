package com.stategraph.billing.load;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The keys {@link DailyRollup} sums a load's rows by. Their equals and hashCode are written out: the
 * generated ones are a method-handle chain per component, which C2 left uninlined at ten components,
 * and they took a third of the load thread's time (the 1M-line bench export, JFR).
 */
final class DailyRollupKeys {
    private DailyRollupKeys() {
    }

    /** Who the cost is from: the provider, host provider, publisher and invoice issuer its row names. */
    record Parties(String provider, String host, String publisher, String issuer) {
        Parties held(UnaryOperator<String> hold) {
            return new Parties(hold.apply(provider), hold.apply(host), hold.apply(publisher), hold.apply(issuer));
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(provider);
            h = 31 * h + Objects.hashCode(host);
            h = 31 * h + Objects.hashCode(publisher);
            h = 31 * h + Objects.hashCode(issuer);
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parties k && Objects.equals(provider, k.provider) && Objects.equals(host, k.host)
                    && Objects.equals(publisher, k.publisher) && Objects.equals(issuer, k.issuer);
        }
    }

    record DayKey(LocalDate period, LocalDate day, Parties parties, String service, String category, String account,
                          String subAccount, String region, String chargeCategory, String currency) {
        DayKey held(UnaryOperator<String> hold) {
            return new DayKey(period, day, parties, hold.apply(service), hold.apply(category), hold.apply(account),
                    hold.apply(subAccount), hold.apply(region), hold.apply(chargeCategory), hold.apply(currency));
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(period);
            h = 31 * h + Objects.hashCode(day);
            h = 31 * h + Objects.hashCode(parties);
            h = 31 * h + Objects.hashCode(service);
            h = 31 * h + Objects.hashCode(category);
            h = 31 * h + Objects.hashCode(account);
            h = 31 * h + Objects.hashCode(subAccount);
            h = 31 * h + Objects.hashCode(region);
            h = 31 * h + Objects.hashCode(chargeCategory);
            h = 31 * h + Objects.hashCode(currency);
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DayKey k && Objects.equals(period, k.period) && Objects.equals(day, k.day)
                    && Objects.equals(parties, k.parties) && Objects.equals(service, k.service)
                    && Objects.equals(category, k.category) && Objects.equals(account, k.account)
                    && Objects.equals(subAccount, k.subAccount) && Objects.equals(region, k.region)
                    && Objects.equals(chargeCategory, k.chargeCategory) && Objects.equals(currency, k.currency);
        }
    }

    /** A day's sums per whole tag set (the row's tags JSON as the export gave it; null for none). */
    record TagSetKey(LocalDate period, LocalDate day, Parties parties, String service, String currency, String tags) {
        TagSetKey held(UnaryOperator<String> hold) {
            return new TagSetKey(period, day, parties, hold.apply(service), hold.apply(currency), hold.apply(tags));
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(period);
            h = 31 * h + Objects.hashCode(day);
            h = 31 * h + Objects.hashCode(parties);
            h = 31 * h + Objects.hashCode(service);
            h = 31 * h + Objects.hashCode(currency);
            h = 31 * h + Objects.hashCode(tags);
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TagSetKey k && Objects.equals(period, k.period) && Objects.equals(day, k.day)
                    && Objects.equals(parties, k.parties) && Objects.equals(service, k.service)
                    && Objects.equals(currency, k.currency) && Objects.equals(tags, k.tags);
        }
    }

    record TagKey(LocalDate period, LocalDate day, Parties parties, String service, String currency, String key,
                  String value) {
        @Override
        public int hashCode() {
            int h = Objects.hashCode(period);
            h = 31 * h + Objects.hashCode(day);
            h = 31 * h + Objects.hashCode(parties);
            h = 31 * h + Objects.hashCode(service);
            h = 31 * h + Objects.hashCode(currency);
            h = 31 * h + Objects.hashCode(key);
            h = 31 * h + Objects.hashCode(value);
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TagKey k && Objects.equals(period, k.period) && Objects.equals(day, k.day)
                    && Objects.equals(parties, k.parties) && Objects.equals(service, k.service)
                    && Objects.equals(currency, k.currency) && Objects.equals(key, k.key) && Objects.equals(value, k.value);
        }
    }
}
