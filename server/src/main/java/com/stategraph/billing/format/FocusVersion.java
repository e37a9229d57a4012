package com.stategraph.billing.format;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The FOCUS version a file's columns belong to, judged by the columns each version introduced or
 * dropped: 1.0-preview names (AmortizedCost, ChargeType, UsageQuantity), 1.1 additions
 * (CommitmentDiscountQuantity, CapacityReservationId, SkuMeter, SkuPriceDetails,
 * ServiceSubcategory), 1.2 additions (InvoiceId, PricingCurrency...; BillingAccountType and
 * SubAccountType only next to 1.1 columns, since Microsoft's 1.0 exports have them early), 1.3 additions (ServiceProviderName, HostProviderName), and 1.4, which drops
 * ProviderName and PublisherName. A file that uses none of the optional columns reads as the
 * oldest version it fits.
 */
public final class FocusVersion {
    private FocusVersion() {
    }

    public static String of(List<String> header) {
        Set<String> names = new HashSet<>();
        header.forEach(h -> names.add(h.trim().toLowerCase(Locale.ROOT)));
        if (names.contains("serviceprovidername") || names.contains("hostprovidername")) {
            return names.contains("providername") || names.contains("publishername") ? "1.3" : "1.4";
        }
        boolean oneOne = any(names, "commitmentdiscountquantity", "commitmentdiscountunit", "capacityreservationid",
                "capacityreservationstatus", "skumeter", "skupricedetails", "servicesubcategory");
        // Microsoft's FocusCost 1.0 and 1.0r2 already carry BillingAccountType and SubAccountType (1.2 columns), next to no 1.1
        // column: alone they do not make a file 1.2
        if (any(names, "invoiceid", "pricingcurrency", "pricingcurrencycontractedunitprice", "pricingcurrencyeffectivecost",
                "pricingcurrencylistunitprice") || oneOne && any(names, "billingaccounttype", "subaccounttype")) {
            return "1.2";
        }
        if (oneOne) {
            return "1.1";
        }
        if (!names.contains("effectivecost") && any(names, "amortizedcost", "chargetype", "usagequantity", "region")) {
            return "1.0-preview";
        }
        return "1.0";
    }

    /**
     * The version an export manifest states (Azure's {@code exportConfig.dataVersion}: "1.0",
     * "1.0r2", "1.2-preview"), or null when it states none.
     */
    public static String ofManifest(String dataVersion) {
        if (dataVersion == null || dataVersion.isBlank()) {
            return null;
        }
        String v = dataVersion.trim();
        return v.equals("1.0-preview(v1)") ? "1.0-preview" : v;
    }

    private static boolean any(Set<String> names, String... columns) {
        for (String c : columns) {
            if (names.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
