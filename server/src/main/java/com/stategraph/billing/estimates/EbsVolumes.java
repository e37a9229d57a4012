package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The components of an EBS volume: an {@code aws_ebs_volume}, or a block device of an instance. */
final class EbsVolumes {
    private static final BigDecimal DEFAULT_SIZE = BigDecimal.valueOf(8);
    private static final BigDecimal GP3_FREE_IOPS = BigDecimal.valueOf(3000);
    private static final BigDecimal GP3_FREE_THROUGHPUT = BigDecimal.valueOf(125);
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    /** io2 IOPS are priced in tiers: the first 32,000 of a volume, the next 32,000, and the rest. */
    private static final BigDecimal IO2_TIER = BigDecimal.valueOf(32_000);

    private EbsVolumes() {
    }

    static List<Component> of(String region, String type, BigDecimal size, BigDecimal iops, BigDecimal throughput) {
        return of(region, type, size, iops, throughput, BigDecimal.ZERO);
    }

    /** @param ioRequests I/O requests a month, which only magnetic volumes are charged for */
    static List<Component> of(String region, String type, BigDecimal size, BigDecimal iops, BigDecimal throughput,
                              BigDecimal ioRequests) {
        String volumeType = type == null ? "gp2" : type.toLowerCase(Locale.ROOT);
        List<Component> components = new ArrayList<>();
        components.add(Component.monthly(storageName(volumeType), "GB", size == null ? DEFAULT_SIZE : size,
                ec2(region, "Storage").attr("volumeApiName", volumeType)));
        switch (volumeType) {
            case "gp3" -> {
                if (iops != null && iops.compareTo(GP3_FREE_IOPS) > 0) {
                    components.add(iops("Provisioned IOPS (above 3,000)", region, volumeType, "VolumeP-IOPS\\.gp3$",
                            iops.subtract(GP3_FREE_IOPS)));
                }
                if (throughput != null && throughput.compareTo(GP3_FREE_THROUGHPUT) > 0) {
                    // AWS prices gp3 throughput per GiBps-month; the state gives MiB/s.
                    components.add(Component.monthly("Provisioned throughput (above 125 MiBps)", "GiBps",
                            throughput.subtract(GP3_FREE_THROUGHPUT).divide(MIB_PER_GIB),
                            ec2(region, "Provisioned Throughput").attr("volumeApiName", "gp3")
                                    .regex("usagetype", "VolumeP-Throughput\\.gp3$")));
                }
            }
            case "io1" -> components.add(iops("Provisioned IOPS", region, volumeType, "VolumeP-IOPS\\.piops$", orZero(iops)));
            case "io2" -> {
                BigDecimal all = orZero(iops);
                components.add(iops("Provisioned IOPS (first 32,000)", region, volumeType, "VolumeP-IOPS\\.io2$", all.min(IO2_TIER)));
                if (all.compareTo(IO2_TIER) > 0) {
                    components.add(iops("Provisioned IOPS (32,001 to 64,000)", region, volumeType, "VolumeP-IOPS\\.io2\\.tier2$",
                            all.subtract(IO2_TIER).min(IO2_TIER)));
                }
                if (all.compareTo(IO2_TIER.add(IO2_TIER)) > 0) {
                    components.add(iops("Provisioned IOPS (above 64,000)", region, volumeType, "VolumeP-IOPS\\.io2\\.tier3$",
                            all.subtract(IO2_TIER.add(IO2_TIER))));
                }
            }
            case "standard" -> components.add(Component.usage("I/O requests", "requests", ioRequests,
                    ec2(region, "System Operation").attr("volumeApiName", "standard").regex("usagetype", "VolumeIOUsage$")));
            default -> {
            }
        }
        return components;
    }

    private static Component iops(String name, String region, String volumeType, String usageType, BigDecimal quantity) {
        return Component.monthly(name, "IOPS", quantity,
                ec2(region, "System Operation").attr("volumeApiName", volumeType).regex("usagetype", usageType));
    }

    private static ProductQuery ec2(String region, String family) {
        return ProductQuery.of("aws", region, "AmazonEC2", family);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String storageName(String type) {
        return switch (type) {
            case "gp3" -> "Storage (general purpose SSD, gp3)";
            case "io1" -> "Storage (provisioned IOPS SSD, io1)";
            case "io2" -> "Storage (provisioned IOPS SSD, io2)";
            case "st1" -> "Storage (throughput optimized HDD, st1)";
            case "sc1" -> "Storage (cold HDD, sc1)";
            case "standard" -> "Storage (magnetic)";
            default -> "Storage (general purpose SSD, " + type + ")";
        };
    }
}
