package com.stategraph.billing.billing.source;

import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The region an AWS source uses when none was given: the SDK's own chain (environment, system
 * properties, profile, instance metadata). The sync falls back to the bucket's own region.
 */
@Component
public class AwsRegionResolver {

    public Optional<String> ambientRegion() {
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion().id());
        } catch (RuntimeException noRegionConfigured) {
            return Optional.empty();
        }
    }
}
