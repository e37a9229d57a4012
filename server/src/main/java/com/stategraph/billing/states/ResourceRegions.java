package com.stategraph.billing.states;

import tools.jackson.databind.JsonNode;

/** Where a resource instance runs, read from its attributes as each provider writes them. */
final class ResourceRegions {
    private final String defaultAwsRegion;

    ResourceRegions(String defaultAwsRegion) {
        this.defaultAwsRegion = defaultAwsRegion;
    }

    /**
     * AWS: the {@code region} attribute (provider 6), else the region in the ARN, else the
     * availability zone without its letter, else the default. Google: {@code region}, else the
     * zone without its suffix, else {@code location}. Azure: {@code location}. Others: none.
     */
    String of(String provider, JsonNode attributes) {
        switch (provider) {
            case "aws" -> {
                String region = text(attributes, "region");
                if (region != null) {
                    return region;
                }
                String arn = text(attributes, "arn");
                if (arn != null) {
                    String[] parts = arn.split(":", 6);
                    if (parts.length >= 5 && parts[0].equals("arn") && !parts[3].isEmpty()) {
                        return parts[3];
                    }
                }
                String zone = text(attributes, "availability_zone");
                if (zone != null && zone.length() > 1 && Character.isLetter(zone.charAt(zone.length() - 1))) {
                    return zone.substring(0, zone.length() - 1);
                }
                return defaultAwsRegion;
            }
            case "google", "google-beta" -> {
                String region = text(attributes, "region");
                if (region != null) {
                    return region;
                }
                String zone = text(attributes, "zone");
                if (zone != null && zone.lastIndexOf('-') > 0) {
                    return zone.substring(0, zone.lastIndexOf('-'));
                }
                return text(attributes, "location");
            }
            case "azurerm" -> {
                return text(attributes, "location");
            }
            default -> {
                return null;
            }
        }
    }

    private static String text(JsonNode attributes, String name) {
        JsonNode v = attributes.get(name);
        return v == null || !v.isString() || v.asString().isEmpty() ? null : v.asString();
    }
}
