package com.stategraph.billing.source;

import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The region an AWS source uses when none was given: {@code AWS_REGION} / {@code aws.region}, then
 * the AWS profile. Instance metadata is left out on purpose: probing it from a request would stall
 * off EC2, and the sync falls back to the bucket's own region anyway.
 */
@Component
public class AwsRegionResolver {

    public Optional<String> ambientRegion() {
        try {
            return Optional.of(new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion().id());
        } catch (RuntimeException noRegionConfigured) {
            return Optional.empty();
        }
    }
}
